// Keyword: routes a text by its first word (the leading letters and digits, upper-cased);
// with no branch for it, replies with its "no match" text when it has one.

#include "appletbehaviour.h"

#include "catalogue/appletsettings.h"
#include "routing/textrun.h"

using namespace Qt::StringLiterals;

namespace Switchboard {

namespace {
class Keyword : public AppletBehaviour
{
public:
    void text(TextRun &run, const Applet &applet) const override
    {
        QString word;
        for (const QChar c : run.request().body.trimmed()) {
            if (!c.isLetterOrNumber())
                break;
            word.append(c.toUpper());
        }
        const QString branch =
            AppletSettings::keywords(applet).contains(word) ? word : u"no-match"_s;
        run.trace([&] {
            return branch == u"no-match"
                       ? RoutingEngine::tr("Keyword: \"%1\" matches nothing.").arg(word)
                       : RoutingEngine::tr("Keyword: %1.").arg(word);
        });
        run.follow(applet, branch);
        const QJsonValue prompt = run.catalogue().value(applet, u"prompt");
        if (!applet.next.value(branch).isEmpty() || branch != u"no-match" || !prompt.isString())
            return;
        run.twiml().message(prompt.toString());
        run.trace([&] { return RoutingEngine::tr("Replies \"%1\".").arg(prompt.toString()); });
    }
};
} // namespace

const AppletBehaviour &Applets::keyword()
{
    static const Keyword behaviour;
    return behaviour;
}

} // namespace Switchboard
