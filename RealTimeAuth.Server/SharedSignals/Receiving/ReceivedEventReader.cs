using System.Text.Json;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.SharedSignals.Effects;
using RealTimeAuth.Server.SharedSignals.Streams;
using RealTimeAuth.Server.SharedSignals.Subjects;

namespace RealTimeAuth.Server.SharedSignals.Receiving;

/// <summary>Reads a stored SET back into the event and subject its effects act on (it was validated before it was stored).</summary>
internal static class ReceivedEventReader
{
    public static ReceivedEvent Read(ReceivedSetEntity row, SsfStreamDescriptor stream)
    {
        using var document = JsonDocument.Parse(row.Claims);
        var claims = document.RootElement;
        var payload = claims.GetProperty("events").GetProperty(row.EventType).Clone();
        var subject = claims.TryGetProperty("sub_id", out var subId)
            ? subId.Clone()
            : SubjectIdentifierRules.NormaliseLegacy(payload.GetProperty("subject")).Clone();
        return new ReceivedEvent(row.Id, row.Issuer, row.Jti, row.EventType, payload, subject, stream);
    }
}
