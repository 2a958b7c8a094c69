#pragma once

#include <QString>
#include <QStringList>

class QCoreApplication;

namespace Switchboard {

// Installs Switchboard's translation, and Qt's own where the system has it, for `language`
// ("de", "es_MX", ...) or, when empty, for the system locale. Returns the language in use:
// one of shippedLanguages(), or "en" when none matched.
QString installTranslations(const QString &language);

// The languages whose .qm files are built in (besides English, the source language).
QStringList shippedLanguages();

} // namespace Switchboard
