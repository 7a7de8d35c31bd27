using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RealTimeAuth.Protocol.SharedSignals;
using RealTimeAuth.Server.Data;

namespace RealTimeAuth.Server.SharedSignals.Streams;

/// <summary>
/// This replica's view of the streams table: which stream a push authenticates as, and what its SETs are checked
/// against. Reads are lock-free; the synchronizer replaces the snapshot.
/// </summary>
public sealed class SsfStreamCatalog
{
    private readonly TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _reload = new(1, 1);
    private ImmutableArray<SsfStreamDescriptor> _streams = [];

    /// <summary>Completes once the streams have been read at start.</summary>
    public Task Loaded => _loaded.Task;

    public bool IsLoaded => _loaded.Task.IsCompletedSuccessfully;

    public ImmutableArray<SsfStreamDescriptor> Streams => _streams;

    public SsfStreamDescriptor? Find(Guid id) => _streams.FirstOrDefault(stream => stream.Id == id);

    /// <summary>The push streams whose configured Authorization header equals <paramref name="authorization"/>, compared in constant time.</summary>
    public ImmutableArray<SsfStreamDescriptor> AuthenticatePush(string? authorization)
    {
        if (string.IsNullOrEmpty(authorization))
        {
            return [];
        }

        var presented = HashAuthorization(authorization);
        var matches = ImmutableArray.CreateBuilder<SsfStreamDescriptor>();
        foreach (var stream in _streams)
        {
            if (stream.DeliveryMethod == SsfDeliveryMethods.Push
                && stream.PushAuthorizationHash.Length == presented.Length
                && CryptographicOperations.FixedTimeEquals(stream.PushAuthorizationHash.AsSpan(), presented))
            {
                matches.Add(stream);
            }
        }

        return matches.ToImmutable();
    }

    /// <summary>Whether any stream, enabled or not, has this transmitter issuer.</summary>
    public bool IsKnownIssuer(string issuer) => _streams.Any(stream => stream.Issuer == issuer);

    // Hashing first gives equal-length inputs, so the comparison time reveals nothing about the secret's length.
    public static byte[] HashAuthorization(string authorization) => SHA256.HashData(Encoding.UTF8.GetBytes(authorization));

    /// <summary>
    /// Re-reads the streams table. Reloads take turns, so a slow read that started earlier can never replace what a
    /// later one read (a push secret another replica has just rotated, say).
    /// </summary>
    public async Task ReloadAsync(RtaDbContext db, CancellationToken cancellationToken)
    {
        await _reload.WaitAsync(cancellationToken);
        try
        {
            var rows = await db.SsfStreams.AsNoTracking().ToListAsync(cancellationToken);
            Replace(rows.Select(ToDescriptor));
        }
        finally
        {
            _reload.Release();
        }
    }

    internal void Replace(IEnumerable<SsfStreamDescriptor> streams)
    {
        _streams = [.. streams];
        _loaded.TrySetResult();
    }

    internal static SsfStreamDescriptor ToDescriptor(SsfStreamEntity row) => new()
    {
        Id = row.Id,
        Issuer = row.Issuer,
        Audience = row.Audience,
        TransmitterStreamId = row.TransmitterStreamId,
        DeliveryMethod = row.DeliveryMethod,
        JwksUri = row.JwksUri,
        MetadataAddress = row.MetadataAddress,
        RequireHttps = row.RequireHttps,
        PushAuthorizationHash = row.PushAuthorizationHash is { } hash ? [.. hash] : [],
        SubjectIssuers = [.. row.SubjectIssuers.Select(IssuerNames.Canonical).Distinct(StringComparer.Ordinal)],
        AllowedClaims = TransmitterClaims.Effective(row.AllowedClaims),
        Enabled = row.Enabled,
        TransmitterStatus = row.TransmitterStatus,
    };
}
