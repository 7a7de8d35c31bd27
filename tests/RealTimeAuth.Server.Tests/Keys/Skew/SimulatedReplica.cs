using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using RealTimeAuth.Protocol.Keys;
using RealTimeAuth.Protocol.Tokens;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.Keys;

namespace RealTimeAuth.Server.Tests.Keys.Skew;

/// <summary>One replica of <see cref="KeyScheduleSimulation"/>: its own clock, key ring, store, issuer and validator, as the server wires them.</summary>
internal sealed class SimulatedReplica : IDisposable
{
    private static readonly IServiceScopeFactory NoDatabase = new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>();

    public SimulatedReplica(string name, OffsetClock clock, PrivateKeyProtector protector, SigningKeyOptions options, RtaTokenValidationOptions tokens)
    {
        Name = name;
        Clock = clock;
        Ring = new RtaKeyRing();
        Store = new SigningKeyStore(NoDatabase, Ring, protector, Options.Create(options), clock, NullLogger<SigningKeyStore>.Instance);
        Issuer = new RtaTokenIssuer(Ring, clock);
        Validator = new RtaTokenValidator(Ring, clock, tokens);
    }

    public string Name { get; }

    public OffsetClock Clock { get; }

    public RtaKeyRing Ring { get; }

    public SigningKeyStore Store { get; }

    public RtaTokenIssuer Issuer { get; }

    public RtaTokenValidator Validator { get; }

    /// <summary>What a read of the table gives this replica: its own copy of the rows not removed.</summary>
    public void Load(IEnumerable<SigningKeyEntity> table) =>
        Store.Apply([.. table.Where(row => row.RemovedAt is null).Select(Copy)]);

    public void Dispose()
    {
        Store.Dispose();
        Ring.Dispose();
    }

    private static SigningKeyEntity Copy(SigningKeyEntity row) => new()
    {
        KeyId = row.KeyId,
        PublicKey = row.PublicKey,
        PrivateKey = row.PrivateKey,
        CreatedAt = row.CreatedAt,
        ActivatedAt = row.ActivatedAt,
        RetiredAt = row.RetiredAt,
        RemovedAt = row.RemovedAt,
    };
}
