#pragma once

// The configuration document of core/config/FORMAT.md (`switchboard-config`, version 1): JSON in,
// the organization model plus what is structurally wrong with it out; and back.

#include "model/organization.h"
#include "validation/finding.h"

#include <QByteArray>
#include <QJsonObject>
#include <QSet>

namespace Switchboard {

inline constexpr int ConfigFormatVersion = 1;

struct ReadResult
{
    Organization organization;
    // Structural findings only: not JSON, wrong format or version, unknown keys, wrong types,
    // missing values. References, ranges and the rest are the validator's.
    Findings findings;
    // Paths the reader refused (their value was replaced by a default); semantic findings
    // under them would only repeat what is already said.
    QSet<QString> rejectedPaths;
    bool isJson = false;
};

ReadResult readConfigDocument(const QByteArray &bytes);

// Graphs on their own, as the store keeps them (same form as inside the document).
QJsonValue graphToJson(const std::optional<Graph> &graph);
std::optional<Graph> graphFromJson(const QJsonValue &value, QString *error = nullptr);
QJsonObject userGreetingToJson(const User &user);

QJsonObject organizationToJson(const Organization &organization);
QByteArray writeConfigDocument(const Organization &organization);

// Full check of a document: the reader's findings, then the validator's on what was read.
Findings validateConfigDocument(const QByteArray &bytes, Organization *organization = nullptr);

} // namespace Switchboard
