#pragma once

#include <QWidget>

class QListView;
class QStringListModel;
class QTreeView;

namespace Switchboard {

class OrganizationDocument;
class NumbersModel;

// Phone numbers and, below them, the blocked numbers.
class NumbersPage : public QWidget
{
    Q_OBJECT

public:
    explicit NumbersPage(OrganizationDocument *document, QWidget *parent = nullptr);
    QTreeView *view() const { return m_view; }
    QListView *blockedView() const { return m_blockedView; }

private:
    OrganizationDocument *m_document;
    NumbersModel *m_model;
    QStringListModel *m_blocked;
    QTreeView *m_view;
    QListView *m_blockedView;
};

} // namespace Switchboard
