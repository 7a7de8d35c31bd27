using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NSec.Cryptography;
using RealTimeAuth.Protocol.Binding;
using RealTimeAuth.Protocol.Contexts;
using RealTimeAuth.Protocol.Grpc;
using RealTimeAuth.Protocol.Keys;
using RealTimeAuth.Protocol.Live;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.Events;
using RealTimeAuth.Server.Sessions;
using RealTimeAuth.Server.Tests.Infrastructure;
using RealTimeAuth.Testing;
using RealTimeAuth.Testing.Servers;

namespace RealTimeAuth.Server.Tests.Live;

/// <summary>
/// A started server on a fresh database, ready to decide (replica current, a signing key active), with
/// helpers to create and revoke sessions directly and to talk to the live channel over gRPC or HTTP.
/// </summary>
public sealed class LiveServer : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly ServerFactory _root;
    private readonly GrpcChannel _channel;
    private readonly List<Key> _keys = [];

    private readonly IReadOnlyDictionary<string, string>? _settings;
    private readonly Action<IWebHostBuilder>? _configure;
    private readonly bool _kestrel;
    private readonly Uri _grpcAddress;

    private LiveServer(
        ServerFactory root, WebApplicationFactory<Program> factory, string database, IReadOnlyDictionary<string, string>? settings,
        Action<IWebHostBuilder>? configure, KestrelPorts? kestrel = null)
    {
        _root = root;
        _settings = settings;
        _configure = configure;
        Database = database;
        Factory = factory;
        BaseAddress = kestrel?.Http ?? factory.Server.BaseAddress;
        _grpcAddress = kestrel?.Grpc ?? BaseAddress;
        _kestrel = kestrel is not null;
        _channel = kestrel is { } ports
            ? GrpcChannel.ForAddress(ports.Grpc)
            : GrpcChannel.ForAddress(factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = factory.Server.CreateHandler() });
        Client = new LiveChannel.LiveChannelClient(_channel);
    }

    /// <summary>The secret of the registered exchange client <c>copilot</c>.</summary>
    public string CopilotSecret => _root.CopilotSecret;

    /// <summary>The secret of the registered exchange client <c>agent</c>.</summary>
    public string AgentSecret => _root.AgentSecret;

    /// <summary>Where this server's HTTP endpoints answer: the in-memory test server, or Kestrel's HTTP/1.1 port.</summary>
    public Uri BaseAddress { get; }

    public WebApplicationFactory<Program> Factory { get; }

    /// <summary>The connection string of this server's database, which a second replica shares.</summary>
    public string Database { get; }

    /// <summary>The URI of gRPC <c>Connect</c>, as the server sees it: the <c>htu</c> of a stream's proof.</summary>
    public Uri ConnectUri => new(_grpcAddress, "/realtimeauth.v1.LiveChannel/Connect");

    /// <summary>The URI of gRPC <c>Authorize</c>: the <c>htu</c> of a unary call's proof.</summary>
    public Uri AuthorizeRpcUri => new(_grpcAddress, "/realtimeauth.v1.LiveChannel/Authorize");

    public LiveChannel.LiveChannelClient Client { get; }

    public static async Task<LiveServer> StartAsync(
        InfrastructureFixture infrastructure, string name, IReadOnlyDictionary<string, string>? settings = null, Action<IWebHostBuilder>? configure = null) =>
        await StartOnAsync(await infrastructure.CreateDatabaseAsync(name), infrastructure, settings, configure);

    /// <summary>
    /// Two replicas of one deployment: one database, one Redis, the same signing key secret and nonce key, each its own
    /// in-process host.
    /// </summary>
    public static async Task<(LiveServer First, LiveServer Second)> StartPairAsync(
        InfrastructureFixture infrastructure, string name, IReadOnlyDictionary<string, string>? settings = null, Action<IWebHostBuilder>? configure = null)
    {
        var shared = new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
        {
            ["SigningKeys:EncryptionKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["Binding:NonceKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        };
        var database = await infrastructure.CreateDatabaseAsync(name);
        var first = await StartOnAsync(database, infrastructure, shared, configure);
        try
        {
            return (first, await StartOnAsync(database, infrastructure, shared, configure));
        }
        catch
        {
            await first.DisposeAsync();
            throw;
        }
    }

    /// <summary>One more replica of a server from <see cref="StartPairAsync"/>, started now: it loads what the log holds.</summary>
    public Task<LiveServer> StartAnotherReplicaAsync(InfrastructureFixture infrastructure) =>
        StartOnAsync(Database, infrastructure, _settings, _configure);

    /// <summary>
    /// A server on real Kestrel sockets (HTTP/1.1 on one port, cleartext HTTP/2 gRPC on another), for what only a real
    /// server shows: request body limits, remote addresses, rate limits.
    /// </summary>
    public static async Task<LiveServer> StartOnKestrelAsync(
        InfrastructureFixture infrastructure, string name, IReadOnlyDictionary<string, string>? settings = null,
        Action<IWebHostBuilder>? configure = null)
    {
        var database = await infrastructure.CreateDatabaseAsync(name);
        var ports = new KestrelPorts(
            new Uri($"http://127.0.0.1:{FreePort.Pick()}/"), new Uri($"http://127.0.0.1:{FreePort.Pick()}/"));
        var root = new ServerFactory(database, infrastructure.RedisConnectionString);
        var factory = root.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Kestrel:Endpoints:Http:Url", ports.Http.ToString().TrimEnd('/'));
            builder.UseSetting("Kestrel:Endpoints:grpc:Url", ports.Grpc.ToString().TrimEnd('/'));
            builder.UseSetting("Kestrel:Endpoints:grpc:Protocols", "Http2");
            configure?.Invoke(builder);
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                builder.UseSetting(key, value);
            }
        });
        factory.UseKestrel();
        factory.StartServer();
        var server = new LiveServer(root, factory, database, settings, configure, ports);
        await server.WaitUntilReadyAsync();
        return server;
    }

    private sealed record KestrelPorts(Uri Http, Uri Grpc);

    private static async Task<LiveServer> StartOnAsync(
        string database, InfrastructureFixture infrastructure, IReadOnlyDictionary<string, string>? settings, Action<IWebHostBuilder>? configure)
    {
        var root = new ServerFactory(database, infrastructure.RedisConnectionString);
        var factory = root.WithWebHostBuilder(builder =>
        {
            configure?.Invoke(builder);
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                builder.UseSetting(key, value);
            }
        });
        var server = new LiveServer(root, factory, database, settings, configure);
        await server.WaitUntilReadyAsync();
        return server;
    }

    /// <summary>
    /// Moves the server's fake clock, then waits until the replica has read the log at the new time: a jump past
    /// <c>Replica:MaxStaleness</c> otherwise leaves it refusing as not current until its next poll.
    /// </summary>
    public async Task AdvanceAsync(ServerClock clock, TimeSpan by)
    {
        clock.Time.Advance(by);
        var replica = Service<IReplicaCurrency>();
        Assert.True(await EventuallyAsync(() => replica.IsCurrent), "The replica did not catch up after the clock moved.");
    }

    /// <summary>An absolute URI of this server, as it sees its requests.</summary>
    public Uri Uri(string path) => new(BaseAddress, path);

    /// <summary>Whether <paramref name="condition"/> holds within <see cref="Timeout"/>.</summary>
    public static Task<bool> EventuallyAsync(Func<bool> condition) => Eventually.UntilAsync(condition, Timeout);

    public T Service<T>()
        where T : notnull => Factory.Services.GetRequiredService<T>();

    public HttpClient CreateHttpClient() =>
        _kestrel ? new HttpClient { BaseAddress = BaseAddress, Timeout = Timeout } : Factory.CreateClient();

    /// <summary>
    /// A session bound to a new Ed25519 key (as the exchange will make it), with the writer of that key's proofs; with
    /// <paramref name="bound"/> false, a session as one made before binding (no key). The session belongs to the exchange
    /// client <paramref name="clientId"/>.
    /// </summary>
    public async Task<TestAgentSession> CreateSessionAsync(
        IReadOnlyCollection<string> scopes, Guid? parentId = null, bool bound = true, string clientId = "agent")
    {
        var key = Key.Create(SignatureAlgorithm.Ed25519);
        _keys.Add(key);
        var proofs = new DpopProofWriter(key, Service<TimeProvider>());
        await using var scope = Factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<SessionCreator>().CreateAsync(
            new NewSessionRequest
            {
                Issuer = "https://idp.test",
                Subject = "alice",
                ClientId = clientId,
                Agent = new AgentIdentity($"agent-{Guid.NewGuid():N}", "Test agent", "agent", "tests"),
                ParentId = parentId,
                RequestedScopes = scopes,
                UserContext = SecurityContext.Empty.With("role", SecurityAttributeValue.FromString("analyst")),
                KeyThumbprint = bound ? proofs.JwkThumbprint : null!,
            },
            "test",
            CancellationToken.None).WaitAsync(Timeout);
        Assert.True(result.Succeeded, $"Session not created: {result.Error}");
        return new TestAgentSession(result.Session!, result.Token!.Text, proofs);
    }

    public async Task<RevocationResult> RevokeAsync(Guid sessionId, string reason = RtaRevocationReasons.SessionRevoked, string? detail = null)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SessionRevocations>()
            .RevokeAsync(sessionId, reason, detail, "test", CancellationToken.None).WaitAsync(Timeout);
    }

    /// <summary>
    /// Changes a session's context the way a context event will: the row and its log entry in one
    /// transaction, then announced and applied here. Tokens carrying the old ContextHash become stale.
    /// </summary>
    public async Task ChangeContextAsync(Guid sessionId, string attribute, string value)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RtaDbContext>();
        var events = scope.ServiceProvider.GetRequiredService<EventLogWriter>();
        using var deadline = new CancellationTokenSource(Timeout);

        await using var transaction = await db.Database.BeginTransactionAsync(deadline.Token);
        await events.LockAsync(db, deadline.Token);
        var row = await db.Sessions.SingleAsync(session => session.Id == sessionId, deadline.Token);
        var context = SecurityContextJson.Deserialize(row.Context).With(attribute, value);
        row.Context = SecurityContextJson.Serialize(context);
        row.ContextHash = context.ComputeHash().ToArray();
        var entry = events.Append(db, RtaEventTypes.SessionContextChanged, new SessionEventPayload([sessionId], "test"), "test");
        await db.SaveChangesAsync(deadline.Token);
        await transaction.CommitAsync(deadline.Token);

        await Service<EventAnnouncer>().AnnounceAsync(db, entry);
        await Service<IReplicaCurrency>().WaitForAppliedAsync(entry.Sequence, deadline.Token);
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await Factory.DisposeAsync();
        await _root.DisposeAsync();
        foreach (var key in _keys)
        {
            key.Dispose();
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        var replica = Service<IReplicaCurrency>();
        var keys = Service<RtaKeyRing>();
        Assert.True(
            await Eventually.UntilAsync(() => replica.IsCurrent && keys.ActiveKeyId is not null, Timeout, interval: TimeSpan.FromMilliseconds(50)),
            $"The server was not ready within {Timeout.TotalSeconds:0} s: replica current {replica.IsCurrent}, active key {keys.ActiveKeyId}.");
    }
}
