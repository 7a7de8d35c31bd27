using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using RealTimeAuth.Protocol.SharedSignals;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.Sessions;
using RealTimeAuth.Server.SharedSignals.Streams;

namespace RealTimeAuth.Server.SharedSignals.Client;

/// <summary>
/// Creates or adopts this server's stream at a managed transmitter (SSF 1.0 §8.1.1): reads its metadata, finds the
/// stream it already has (by the stored <c>stream_id</c>, else by this receiver's push endpoint), and creates or
/// updates it. A push stream gets a freshly generated Authorization header; only its SHA-256 is stored, so each setup
/// rotates it (unless another replica set it up a moment ago). Replicas serialise on an advisory lock.
/// </summary>
internal sealed partial class SsfStreamSetup(
    SsfTransmitterClient client,
    IServer server,
    ILiveChannelEndpoints liveChannel,
    TimeProvider timeProvider,
    ILogger<SsfStreamSetup> logger)
{
    private const long SetupLockKey = 0x5254_4153_5346_4D47; // "RTASSFMG"
    private static readonly TimeSpan RecentSetup = TimeSpan.FromMinutes(2);

    public static readonly string[] DefaultEventsRequested =
    [
        SsfEventTypes.SessionRevoked, SsfEventTypes.TokenClaimsChange, SsfEventTypes.CredentialChange, SsfEventTypes.AssuranceLevelChange,
        SsfEventTypes.DeviceComplianceChange, SsfEventTypes.SessionEstablished, SsfEventTypes.SessionPresented, SsfEventTypes.RiskLevelChange,
        SsfEventTypes.AccountCredentialChangeRequired, SsfEventTypes.AccountPurged, SsfEventTypes.AccountDisabled, SsfEventTypes.AccountEnabled,
        SsfEventTypes.IdentifierChanged, SsfEventTypes.IdentifierRecycled, SsfEventTypes.CredentialCompromise, SsfEventTypes.RiscSessionsRevoked,
        SsfEventTypes.Verification, SsfEventTypes.StreamUpdated,
    ];

    public async Task<SsfManagedStream> EnsureAsync(RtaDbContext db, TransmitterOptions transmitter, CancellationToken cancellationToken)
    {
        var metadata = await client.GetMetadataAsync(transmitter, cancellationToken);
        if (!metadata.DeliveryMethodsSupported.Contains(transmitter.DeliveryMethod))
        {
            throw new SsfTransmitterException($"Transmitter {transmitter.Issuer} does not support delivery {transmitter.DeliveryMethod}.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({SetupLockKey})", cancellationToken);
        var row = await db.SsfStreams.SingleOrDefaultAsync(row => row.Issuer == transmitter.Issuer && row.Audience == transmitter.Audience, cancellationToken)
            ?? throw new InvalidOperationException($"The stream of {transmitter.Issuer} is not in the streams table yet.");
        var receiver = ReceiverEndpoint(transmitter);
        var existing = (await client.ListStreamsAsync(transmitter, metadata, cancellationToken)).FirstOrDefault(stream => Matches(stream, row, transmitter, receiver));
        var now = timeProvider.GetUtcNow();
        JsonObject stream;
        if (existing is not null && SsfTransmitterClient.Text(existing, "stream_id") == row.TransmitterStreamId
            && row.DeliveryMethod == transmitter.DeliveryMethod && (transmitter.DeliveryMethod == SsfDeliveryMethods.Poll || row.PushAuthorizationHash is not null)
            && row.ConfiguredAt is { } configured && now - configured < RecentSetup)
        {
            stream = existing;
            LogAdopted(logger, row.TransmitterStreamId!, transmitter.Issuer);
        }
        else
        {
            var (delivery, authorization) = Delivery(transmitter, receiver);
            var requested = transmitter.EventsRequested.Count > 0 ? transmitter.EventsRequested.ToArray() : DefaultEventsRequested;
            var body = new JsonObject
            {
                ["delivery"] = delivery,
                ["events_requested"] = new JsonArray([.. requested.Select(type => (JsonNode?)JsonValue.Create(type))]),
                ["description"] = transmitter.Description ?? "RealTimeAuth receiver",
            };
            if (existing is null)
            {
                stream = await client.CreateStreamAsync(transmitter, metadata, body, cancellationToken);
                LogCreated(logger, SsfTransmitterClient.Text(stream, "stream_id") ?? "?", transmitter.Issuer, transmitter.DeliveryMethod);
            }
            else
            {
                body["stream_id"] = SsfTransmitterClient.Text(existing, "stream_id");
                stream = await client.UpdateStreamAsync(transmitter, metadata, body, cancellationToken);
                LogUpdated(logger, SsfTransmitterClient.Text(stream, "stream_id") ?? "?", transmitter.Issuer);
            }

            row.PushAuthorizationHash = authorization is null ? null : SsfStreamCatalog.HashAuthorization(authorization);
            row.ConfiguredAt = now;
            row.UpdatedAt = now;
        }

        var streamId = SsfTransmitterClient.Text(stream, "stream_id") ?? throw new SsfTransmitterException("The transmitter's stream has no stream_id.");
        if (!AudienceContains(stream["aud"], row.Audience))
        {
            LogAudienceMismatch(logger, transmitter.Issuer, row.Audience);
        }

        var status = await client.GetStatusAsync(transmitter, metadata, streamId, cancellationToken);
        row.TransmitterStreamId = streamId;
        row.DeliveryMethod = transmitter.DeliveryMethod;
        row.EventsRequested = Strings(stream["events_requested"]);
        row.EventsDelivered = Strings(stream["events_delivered"]);
        row.TransmitterStatus = SsfStreamStatus.IsValid(SsfTransmitterClient.Text(status, "status")) ? SsfTransmitterClient.Text(status, "status")! : row.TransmitterStatus;
        row.TransmitterStatusReason = SsfTransmitterClient.Text(status, "reason");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var pollEndpoint = transmitter.DeliveryMethod == SsfDeliveryMethods.Poll && stream["delivery"] is JsonObject delivered
            && Uri.TryCreate(SsfTransmitterClient.Text(delivered, "endpoint_url"), UriKind.Absolute, out var poll) ? poll : null;
        return new SsfManagedStream(row.Id, transmitter, metadata, streamId, pollEndpoint);
    }

    private static bool Matches(JsonObject stream, SsfStreamEntity row, TransmitterOptions transmitter, string receiver)
    {
        if (row.TransmitterStreamId is { } known)
        {
            return SsfTransmitterClient.Text(stream, "stream_id") == known;
        }

        var delivery = stream["delivery"] as JsonObject;
        return SsfTransmitterClient.Text(delivery, "method") == transmitter.DeliveryMethod
            && (transmitter.DeliveryMethod == SsfDeliveryMethods.Poll || SsfTransmitterClient.Text(delivery, "endpoint_url") == receiver);
    }

    private static (JsonObject Delivery, string? Authorization) Delivery(TransmitterOptions transmitter, string receiver)
    {
        if (transmitter.DeliveryMethod == SsfDeliveryMethods.Poll)
        {
            return (new JsonObject { ["method"] = SsfDeliveryMethods.Poll }, null);
        }

        // SSF 1.0 §6.1.1: the receiver chooses the Authorization header the transmitter sends with every push.
        var authorization = transmitter.PushAuthorization is { Length: > 0 } configured
            ? configured
            : "Bearer " + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (new JsonObject { ["method"] = SsfDeliveryMethods.Push, ["endpoint_url"] = receiver, ["authorization_header"] = authorization }, authorization);
    }

    private string ReceiverEndpoint(TransmitterOptions transmitter)
    {
        if (transmitter.ReceiverEndpoint is { } configured)
        {
            return configured;
        }

        // Not the live channel's address: that endpoint speaks HTTP/2 only, and transmitters push over HTTP/1.1.
        var grpcPort = liveChannel.GrpcAddress?.Port ?? -1;
        var addresses = (server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
            .Where(address => !Uri.TryCreate(address, UriKind.Absolute, out var uri) || uri.Port != grpcPort).ToList();
        var first = addresses.FirstOrDefault(address => address.StartsWith("https://", StringComparison.Ordinal))
            ?? addresses.FirstOrDefault()
            ?? throw new SsfTransmitterException($"This server has no address yet; set ReceiverEndpoint for {transmitter.Issuer}.");
        return first.TrimEnd('/') + SetPushApi.Path;
    }

    private static bool AudienceContains(JsonNode? audience, string expected) => audience switch
    {
        JsonValue value => value.TryGetValue<string>(out var text) && text == expected,
        JsonArray array => array.Any(item => item is JsonValue value && value.TryGetValue<string>(out var text) && text == expected),
        _ => false,
    };

    private static string[] Strings(JsonNode? node) =>
        node is JsonArray array ? [.. array.OfType<JsonValue>().Select(value => value.TryGetValue<string>(out var text) ? text : null).OfType<string>()] : [];

    [LoggerMessage(EventId = 5050, Level = LogLevel.Information, Message = "Created stream {StreamId} at transmitter {Issuer} ({Delivery})")]
    private static partial void LogCreated(ILogger logger, string streamId, string issuer, string delivery);

    [LoggerMessage(EventId = 5051, Level = LogLevel.Information, Message = "Updated stream {StreamId} at transmitter {Issuer} (delivery and push authorization renewed)")]
    private static partial void LogUpdated(ILogger logger, string streamId, string issuer);

    [LoggerMessage(EventId = 5052, Level = LogLevel.Information, Message = "Adopted stream {StreamId} at transmitter {Issuer}, set up a moment ago")]
    private static partial void LogAdopted(ILogger logger, string streamId, string issuer);

    [LoggerMessage(EventId = 5053, Level = LogLevel.Warning, Message = "Transmitter {Issuer}'s stream does not name audience {Audience}; its SETs will be refused as invalid_audience")]
    private static partial void LogAudienceMismatch(ILogger logger, string issuer, string audience);
}
