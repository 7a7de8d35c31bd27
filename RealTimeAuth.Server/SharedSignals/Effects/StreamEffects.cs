using System.Security.Cryptography;
using System.Text;
using RealTimeAuth.Protocol.SharedSignals;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.SharedSignals.Streams;
using RealTimeAuth.Server.SharedSignals.Subjects;

namespace RealTimeAuth.Server.SharedSignals.Effects;

/// <summary>
/// SSF stream events: a verification (SSF 1.0 §8.1.4) is recorded with its state, and confirms a verification this
/// receiver asked for when the state matches; stream-updated (§8.1.5) records the status the transmitter reports.
/// </summary>
internal sealed class StreamEffects(RtaDbContext db, SsfStreamCatalog catalog, TimeProvider timeProvider)
{
    private const int MaxStateLength = 1024;

    public async Task<SetEffectResult> VerificationAsync(ReceivedEvent received, CancellationToken cancellationToken)
    {
        if (!IsForThisStream(received) || await db.SsfStreams.FindAsync([received.Stream.Id], cancellationToken) is not { } row)
        {
            return SetEffectResult.Of(SetEffectCodes.OtherStream);
        }

        var state = received.String("state") is { } text && text.Length <= MaxStateLength ? text : null;
        var confirmed = row.PendingVerificationState is { } pending && state is not null
            && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(pending)), SHA256.HashData(Encoding.UTF8.GetBytes(state)));
        row.LastVerificationState = state;
        row.LastVerifiedAt = timeProvider.GetUtcNow();
        row.PendingVerificationState = confirmed ? null : row.PendingVerificationState;
        await db.SaveChangesAsync(cancellationToken);
        return SetEffectResult.Of(confirmed ? SetEffectCodes.VerificationConfirmed : SetEffectCodes.VerificationRecorded,
            new Dictionary<string, object?> { ["state"] = state });
    }

    public async Task<SetEffectResult> StreamUpdatedAsync(ReceivedEvent received, CancellationToken cancellationToken)
    {
        if (!IsForThisStream(received) || await db.SsfStreams.FindAsync([received.Stream.Id], cancellationToken) is not { } row)
        {
            return SetEffectResult.Of(SetEffectCodes.OtherStream);
        }

        var status = received.String("status")!;
        var reason = received.Text("reason");
        row.TransmitterStatus = status;
        row.TransmitterStatusReason = reason is { Length: > MaxStateLength } ? reason[..MaxStateLength] : reason;
        row.UpdatedAt = timeProvider.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        await catalog.ReloadAsync(db, cancellationToken);
        return SetEffectResult.Of(SetEffectCodes.StreamStatusUpdated, new Dictionary<string, object?> { ["status"] = status, ["reason"] = reason });
    }

    // SSF 1.0 §8.1.4.1: a stream event's subject is the stream, an opaque id equal to its stream_id.
    private static bool IsForThisStream(ReceivedEvent received) =>
        received.Stream.TransmitterStreamId is not { } streamId
        || SubjectIdentifierRules.FormatOf(received.Subject) != SubjectFormats.Opaque
        || SubjectIdentifierRules.MemberString(received.Subject, "id") == streamId;
}
