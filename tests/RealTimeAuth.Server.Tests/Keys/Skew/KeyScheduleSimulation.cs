using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using RealTimeAuth.Protocol.Keys;
using RealTimeAuth.Protocol.Tokens;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.Keys;

namespace RealTimeAuth.Server.Tests.Keys.Skew;

/// <summary>
/// Replicas with skewed clocks sharing one signing key table, stepped through true time. The creator runs the production
/// schedule (<see cref="SigningKeySchedule"/>) and reads the table at once; every other replica reads it after its own lag
/// (0 for one that hears the announcement at once, <c>Replica:MaxStaleness</c> for the slowest a current replica may be).
/// Each replica signs tokens with its ring as the server does, and every token is checked on every replica throughout the
/// span that replica's clock holds it fresh: any refusal there is a token the key schedule broke.
/// </summary>
internal sealed class KeyScheduleSimulation : IDisposable
{
    private readonly List<(SimulatedReplica Replica, TimeSpan Lag)> _replicas = [];
    private readonly List<(DateTimeOffset Due, SimulatedReplica Replica)> _pendingLoads = [];
    private readonly PriorityQueue<(byte[] Token, string Issuer, SimulatedReplica Replica), DateTimeOffset> _lastChecks = new();
    private readonly SigningKeyOptions _options;
    private readonly RtaTokenValidationOptions _tokenOptions;
    private readonly PrivateKeyProtector _protector;
    private int _nextKeyId = 1;

    public KeyScheduleSimulation(SigningKeyOptions options, RtaTokenValidationOptions tokenOptions)
    {
        _options = options;
        _tokenOptions = tokenOptions;
        options.EncryptionKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        _protector = new PrivateKeyProtector(Options.Create(options));
    }

    public FakeTimeProvider TrueTime { get; } = new(new DateTimeOffset(2026, 12, 8, 0, 0, 0, TimeSpan.Zero));

    /// <summary>Every key ever created, removed or not: the <c>signing_keys</c> table.</summary>
    public List<SigningKeyEntity> Table { get; } = [];

    /// <summary>Each token a replica refused, or could not sign, while its clock held it fresh.</summary>
    public List<string> Failures { get; } = [];

    /// <summary>How many tokens were checked across replicas, so a test can tell the run did something.</summary>
    public int Checks { get; private set; }

    public SimulatedReplica Add(string name, TimeSpan clockOffset, TimeSpan loadLag)
    {
        var replica = new SimulatedReplica(name, new OffsetClock(TrueTime, clockOffset), _protector, _options, _tokenOptions);
        _replicas.Add((replica, loadLag));
        return replica;
    }

    /// <summary>The first pass of the schedule on <paramref name="creator"/>; every replica then starts and reads the table.</summary>
    public void Start(SimulatedReplica creator)
    {
        RunSchedule(creator);
        _pendingLoads.Clear();
        _replicas.ForEach(entry => entry.Replica.Load(Table));
    }

    /// <summary>
    /// Steps true time by <paramref name="step"/> for <paramref name="duration"/>: reads that are due, a schedule pass on
    /// <paramref name="creator"/>, tokens signed by every replica each <paramref name="issueEvery"/>, and every live token checked everywhere.
    /// </summary>
    public void Run(SimulatedReplica creator, TimeSpan duration, TimeSpan step, TimeSpan issueEvery)
    {
        var end = TrueTime.GetUtcNow() + duration;
        var nextIssue = TrueTime.GetUtcNow();
        while (TrueTime.GetUtcNow() < end)
        {
            // Timers of keys published ahead fire here, at their activation by each replica's clock.
            TrueTime.Advance(step);
            LoadDue();
            RunSchedule(creator);
            if (TrueTime.GetUtcNow() >= nextIssue)
            {
                IssueEverywhere();
                nextIssue += issueEvery;
            }

            CheckDue();
        }
    }

    public void Dispose() => _replicas.ForEach(entry => entry.Replica.Dispose());

    private void RunSchedule(SimulatedReplica creator)
    {
        var now = creator.Clock.GetUtcNow();
        var live = Table.Where(row => row.RemovedAt is null).ToList();
        var pass = SigningKeySchedule.Run(live, now, _options, _tokenOptions.ClockSkew, activation => NewKey(now, activation));
        if (!pass.Changed)
        {
            return;
        }

        foreach (var (replica, lag) in _replicas)
        {
            _pendingLoads.Add((TrueTime.GetUtcNow() + (replica == creator ? TimeSpan.Zero : lag), replica));
        }

        LoadDue();
    }

    private void LoadDue()
    {
        var now = TrueTime.GetUtcNow();
        foreach (var load in _pendingLoads.Where(load => load.Due <= now).ToList())
        {
            load.Replica.Load(Table);
            _pendingLoads.Remove(load);
        }
    }

    private SigningKeyEntity NewKey(DateTimeOffset now, DateTimeOffset activation)
    {
        var keyId = _nextKeyId++;
        using var key = RtaKeys.GenerateSigningKey();
        var entity = new SigningKeyEntity
        {
            KeyId = keyId,
            PublicKey = RtaKeys.ExportVerificationKey(key.PublicKey),
            PrivateKey = _protector.Protect((ushort)keyId, RtaKeys.ExportSigningKey(key)),
            CreatedAt = now,
            ActivatedAt = activation,
        };
        Table.Add(entity);
        return entity;
    }

    /// <summary>
    /// Each replica signs a token; every replica checks it now and again at the last moment its own clock holds it fresh.
    /// A key is on a replica's ring from its read until its removal, so a token accepted at both ends of its fresh span is
    /// accepted all through it; checking at every step would only repeat those two answers.
    /// </summary>
    private void IssueEverywhere()
    {
        foreach (var (issuer, _) in _replicas)
        {
            if (issuer.Ring.ActiveKeyId is null)
            {
                Failures.Add($"{At()}: {issuer.Name} has no signing key");
                continue;
            }

            var token = issuer.Issuer.Issue(Guid.NewGuid(), 1, default);
            foreach (var (replica, _) in _replicas)
            {
                Check(token, issuer.Name, replica);
                var stillFreshUntil = issuer.Clock.GetUtcNow() + _tokenOptions.FreshnessWindow - replica.Clock.Offset;
                _lastChecks.Enqueue((token, issuer.Name, replica), stillFreshUntil);
            }
        }
    }

    private void CheckDue()
    {
        while (_lastChecks.TryPeek(out var check, out var due) && due <= TrueTime.GetUtcNow())
        {
            _lastChecks.Dequeue();
            Check(check.Token, check.Issuer, check.Replica);
        }
    }

    private void Check(byte[] token, string issuer, SimulatedReplica replica)
    {
        RtaTokenView.TryCreate(token, out var view);
        var age = replica.Clock.GetUtcNow() - DateTimeOffset.FromUnixTimeMilliseconds((long)view.IssuedAtUnixMilliseconds);
        Checks++;
        var result = replica.Validator.Validate(token);
        if (!result.IsValid)
        {
            Failures.Add($"{At()}: {replica.Name} refused a token of {issuer} signed with key {view.KeyId}, {age.TotalSeconds:0} s old by its clock: {result.Status}");
        }
    }

    private string At() => $"t+{(TrueTime.GetUtcNow() - TrueTime.Start).TotalSeconds:0} s";
}
