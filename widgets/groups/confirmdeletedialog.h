#pragma once

#include <QDialog>

class QComboBox;

namespace Switchboard {

// Confirms a deletion that other things depend on: says what will happen, lists where the
// thing is used (group by group, applet by applet), and offers someone to take over.
class ConfirmDeleteDialog : public QDialog
{
    Q_OBJECT

public:
    // `candidates`: (id, name) of who can take over; the first choice is "nobody".
    ConfirmDeleteDialog(const QString &title, const QString &text, const QStringList &places,
                        const QString &replaceLabel,
                        const QList<std::pair<QString, QString>> &candidates,
                        QWidget *parent = nullptr);

    QString replacement() const; // an id, or empty

private:
    QComboBox *m_replacement = nullptr;
};

} // namespace Switchboard
