using System.Text.Json;
using RealTimeAuth.Server.SharedSignals.Streams;

namespace RealTimeAuth.Server.SharedSignals.Validation;

/// <summary>A SET that passed every rule: from a trusted transmitter, for this receiver, with one event about one subject.</summary>
public sealed record ValidatedSet(
    SsfStreamDescriptor Stream,
    string Raw,
    string ClaimsJson,
    string Issuer,
    string Jti,
    DateTimeOffset IssuedAt,
    string EventType,
    JsonElement Event,
    JsonElement Subject)
{
    public string? SubjectFormat => Subjects.SubjectIdentifierRules.FormatOf(Subject);
}
