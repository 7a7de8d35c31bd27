using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RealTimeAuth.Protocol.Contexts;
using RealTimeAuth.Protocol.Grpc;
using RealTimeAuth.Protocol.Keys;
using RealTimeAuth.Protocol.Live;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.Events;
using RealTimeAuth.Server.Sessions;
using RealTimeAuth.Server.Tests.Infrastructure;
using RealTimeAuth.Testing;

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

    private LiveServer(ServerFactory root, WebApplicationFactory<Program> factory)
    {
        _root = root;
        Factory = factory;
        _channel = GrpcChannel.ForAddress(factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = factory.Server.CreateHandler() });
        Client = new LiveChannel.LiveChannelClient(_channel);
    }

    public WebApplicationFactory<Program> Factory { get; }

    public LiveChannel.LiveChannelClient Client { get; }

    public static async Task<LiveServer> StartAsync(
        InfrastructureFixture infrastructure, string name, IReadOnlyDictionary<string, string>? settings = null, Action<IWebHostBuilder>? configure = null)
    {
        var root = await ServerFactory.CreateAsync(infrastructure, name);
        var factory = root.WithWebHostBuilder(builder =>
        {
            configure?.Invoke(builder);
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                builder.UseSetting(key, value);
            }
        });
        var server = new LiveServer(root, factory);
        await server.WaitUntilReadyAsync();
        return server;
    }

    /// <summary>Whether <paramref name="condition"/> holds within <see cref="Timeout"/>.</summary>
    public static Task<bool> EventuallyAsync(Func<bool> condition) => Eventually.UntilAsync(condition, Timeout);

    public T Service<T>()
        where T : notnull => Factory.Services.GetRequiredService<T>();

    public HttpClient CreateHttpClient() => Factory.CreateClient();

    public async Task<(SessionState Session, string Token)> CreateSessionAsync(IReadOnlyCollection<string> scopes, Guid? parentId = null)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<SessionCreator>().CreateAsync(
            new NewSessionRequest
            {
                Issuer = "https://idp.test",
                Subject = "alice",
                ClientId = "agent",
                Agent = new AgentIdentity($"agent-{Guid.NewGuid():N}", "Test agent", "agent", "tests"),
                ParentId = parentId,
                KeyThumbprint = RealTimeAuth.Protocol.Binding.JwkThumbprint.Compute(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
                RequestedScopes = scopes,
                UserContext = SecurityContext.Empty.With("role", SecurityAttributeValue.FromString("analyst")),
            },
            "test",
            CancellationToken.None).WaitAsync(Timeout);
        Assert.True(result.Succeeded, $"Session not created: {result.Error}");
        return (result.Session!, result.Token!.Text);
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

        await Service<EventAnnouncer>().AnnounceAsync(entry.Sequence);
        await Service<IReplicaCurrency>().WaitForAppliedAsync(entry.Sequence, deadline.Token);
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await Factory.DisposeAsync();
        await _root.DisposeAsync();
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
