using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using RealTimeAuth.Protocol.Contexts;
using RealTimeAuth.Protocol.Keys;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.Events;
using RealTimeAuth.Server.Exchange;
using RealTimeAuth.Server.Sessions;
using RealTimeAuth.Server.SharedSignals.Receiving;
using RealTimeAuth.Server.SharedSignals.Streams;
using RealTimeAuth.Server.Tests.Infrastructure;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.SharedSignals;

/// <summary>
/// A started server on a fresh database with two trusted test transmitters, their JWKS served by
/// <see cref="Documents"/>; helpers to push SETs, wait until they are applied, and make and inspect sessions.
/// </summary>
public sealed class SsfServer : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly ServerFactory _root;
    private readonly string _database;

    private SsfServer(ServerFactory root, string database, WebApplicationFactory<Program> factory, TransmitterDocuments documents, TestSigningKey key, TestSigningKey otherKey, string authorization, string otherAuthorization)
    {
        _root = root;
        _database = database;
        Factory = factory;
        Documents = documents;
        Key = key;
        OtherKey = otherKey;
        Authorization = authorization;
        OtherAuthorization = otherAuthorization;
        Http = factory.CreateClient();
    }

    public WebApplicationFactory<Program> Factory { get; }

    internal TransmitterDocuments Documents { get; }

    /// <summary>The test transmitter's signing key, served as its JWKS.</summary>
    internal TestSigningKey Key { get; }

    /// <summary>The other transmitter's key.</summary>
    internal TestSigningKey OtherKey { get; }

    /// <summary>The Authorization header the test transmitter's stream requires.</summary>
    public string Authorization { get; }

    public string OtherAuthorization { get; }

    public HttpClient Http { get; }

    /// <summary>The Authorization header of a transmitter whose JWKS cannot be read.</summary>
    public const string UnreachableAuthorization = "Bearer unreachable-transmitter-secret";

    /// <summary>The secret of the exchange client <c>copilot</c>.</summary>
    public string CopilotSecret => _root.CopilotSecret;

    /// <summary>
    /// Starts a server on a fresh database, or on <paramref name="database"/> to share one; waits until it can decide and,
    /// when <paramref name="waitForLease"/>, until it holds the applier lease.
    /// </summary>
    public static async Task<SsfServer> StartAsync(
        InfrastructureFixture infrastructure, string name, IReadOnlyDictionary<string, string>? settings = null, string? database = null, bool waitForLease = true,
        Action<IWebHostBuilder>? configure = null)
    {
        var documents = new TransmitterDocuments();
        var key = TestSigningKey.Es256("test-key-1");
        var otherKey = TestSigningKey.Rs256("other-key-1");
        documents.ServeJwks(TestStreams.JwksUri, key);
        documents.ServeJwks(TestStreams.OtherJwksUri, otherKey);
        var authorization = "Bearer " + Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var otherAuthorization = "Bearer " + Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

        var all = new Dictionary<string, string>
        {
            ["SharedSignals:Transmitters:0:Issuer"] = TestStreams.Issuer,
            ["SharedSignals:Transmitters:0:JwksUri"] = TestStreams.JwksUri,
            ["SharedSignals:Transmitters:0:Audience"] = TestStreams.Audience,
            ["SharedSignals:Transmitters:0:PushAuthorization"] = authorization,
            ["SharedSignals:Transmitters:1:Issuer"] = TestStreams.OtherIssuer,
            ["SharedSignals:Transmitters:1:JwksUri"] = TestStreams.OtherJwksUri,
            ["SharedSignals:Transmitters:1:Audience"] = TestStreams.Audience,
            ["SharedSignals:Transmitters:1:PushAuthorization"] = otherAuthorization,
            ["SharedSignals:Transmitters:2:Issuer"] = TestStreams.UnreachableIssuer,
            ["SharedSignals:Transmitters:2:JwksUri"] = TestStreams.UnreachableJwksUri,
            ["SharedSignals:Transmitters:2:Audience"] = TestStreams.Audience,
            ["SharedSignals:Transmitters:2:PushAuthorization"] = UnreachableAuthorization,
            ["SharedSignals:ApplyPollInterval"] = "00:00:00.050",
            ["SharedSignals:KeyRefreshMinInterval"] = "00:00:00",
            ["SharedSignals:BlockResweepDelay"] = "00:00:00.200",
        };
        for (var index = 0; index < TestStreams.SubjectIssuers.Length; index++)
        {
            all[$"SharedSignals:Transmitters:0:SubjectIssuers:{index}"] = TestStreams.SubjectIssuers[index];
        }

        foreach (var (settingKey, value) in settings ?? new Dictionary<string, string>())
        {
            all[settingKey] = value;
        }

        // The conformance examples change every kind of attribute; a test that scopes a transmitter sets its own list.
        for (var transmitter = 0; transmitter < 2; transmitter++)
        {
            var allowedClaims = $"SharedSignals:Transmitters:{transmitter}:AllowedClaims";
            if (!all.Keys.Any(settingKey => settingKey.StartsWith(allowedClaims, StringComparison.OrdinalIgnoreCase)))
            {
                all[allowedClaims + ":0"] = "user.*";
            }
        }

        database ??= await infrastructure.CreateDatabaseAsync(name);
        var root = new ServerFactory(database, infrastructure.RedisConnectionString);
        var factory = root.WithWebHostBuilder(builder =>
        {
            foreach (var (settingKey, value) in all)
            {
                builder.UseSetting(settingKey, value);
            }

            builder.ConfigureTestServices(services =>
            {
                services.AddHttpClient(TransmitterKeyStore.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => documents);
                services.AddHttpClient(IssuerMetadata.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => documents);
            });
            configure?.Invoke(builder);
        });
        var server = new SsfServer(root, database, factory, documents, key, otherKey, authorization, otherAuthorization);
        await server.WaitUntilReadyAsync(expectApplier: waitForLease && (!all.TryGetValue("SharedSignals:ApplyEvents", out var apply) || apply != "false"));
        return server;
    }

    public T Service<T>()
        where T : notnull => Factory.Services.GetRequiredService<T>();

    /// <summary>A conformance claim set made fresh for the test stream: new iat and jti, its iss and aud.</summary>
    public static JsonObject Restamp(JsonObject claims, string issuer = TestStreams.Issuer)
    {
        var copy = claims.DeepClone().AsObject();
        copy["iat"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        copy["jti"] = Guid.NewGuid().ToString("N");
        copy["iss"] = issuer;
        copy["aud"] = claims["aud"] is JsonArray ? new JsonArray(TestStreams.Audience, "https://elsewhere.test/") : TestStreams.Audience;
        return copy;
    }

    public Task<PushResponse> PushAsync(JsonObject claims) => PostAsync(Key.Sign(claims));

    public Task<PushResponse> PostAsync(string body, string? authorization = "", string contentType = "application/secevent+jwt") =>
        PostBytesAsync(Encoding.UTF8.GetBytes(body), authorization, contentType);

    public async Task<PushResponse> PostBytesAsync(byte[] body, string? authorization = "", string contentType = "application/secevent+jwt")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "ssf/events") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        var header = authorization == "" ? Authorization : authorization;
        if (header is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", header);
        }

        using var response = await Http.SendAsync(request).WaitAsync(Timeout);
        return await PushResponse.ReadAsync(response);
    }

    /// <summary>Waits until the SET with this jti has been applied (or failed), and returns its row.</summary>
    public async Task<ReceivedSetEntity> WaitForProcessedAsync(string jti)
    {
        using var deadline = new CancellationTokenSource(Timeout);
        var row = await Eventually.ReadUntilAsync(
            async () =>
            {
                await using var scope = Factory.Services.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<RtaDbContext>().ReceivedSets.AsNoTracking()
                    .SingleOrDefaultAsync(set => set.Jti == jti, deadline.Token);
            },
            found => found is not null && found.Status != ReceivedSetStatus.Pending,
            Timeout,
            $"Processing SET {jti}",
            deadline.Token,
            TimeSpan.FromMilliseconds(25));
        return row!;
    }

    /// <summary>Pushes a SET, expects 202, and waits until it is applied.</summary>
    public async Task<ReceivedSetEntity> DeliverAsync(JsonObject claims)
    {
        var response = await PushAsync(claims);
        Assert.True(response.Status == HttpStatusCode.Accepted, $"Expected 202, got {(int)response.Status} {response.Error}: {response.Description}");
        return await WaitForProcessedAsync(claims["jti"]!.GetValue<string>());
    }

    /// <summary>Removes every user block on this server, as an admin lifting them all would.</summary>
    public Task<int> LiftAllBlocksAsync() => QueryAsync(db => db.SubjectStatuses.ExecuteDeleteAsync());

    public async Task<SessionState> CreateSessionAsync(string issuer, string subject, string? email = null, string? phone = null, string? idpSessionId = null)
    {
        var context = SecurityContext.Empty.With("user.iss", issuer).With("user.sub", subject);
        context = email is null ? context : context.With("user.email", email);
        context = phone is null ? context : context.With("user.phone_number", phone);
        await using var scope = Factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<SessionCreator>().CreateAsync(new NewSessionRequest
        {
            Issuer = issuer,
            Subject = subject,
            ClientId = "agent",
            Agent = new AgentIdentity($"agent-{Guid.NewGuid():N}", "Test agent", "agent", "tests"),
            KeyThumbprint = RealTimeAuth.Protocol.Binding.JwkThumbprint.Compute(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            RequestedScopes = ["records:read"],
            UserContext = context,
            IdpSessionId = idpSessionId,
        }, "test", CancellationToken.None).WaitAsync(Timeout);
        Assert.True(result.Succeeded, $"Session not created: {result.Error}");
        if (idpSessionId is not null)
        {
            // Written here as well, so these tests do not depend on SessionCreator copying it.
            var db = scope.ServiceProvider.GetRequiredService<RtaDbContext>();
            await db.Database.ExecuteSqlAsync($"UPDATE sessions SET idp_session_id = {idpSessionId} WHERE id = {result.Session!.Id}").WaitAsync(Timeout);
        }

        return result.Session!;
    }

    public async Task<SessionEntity> SessionAsync(Guid id)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RtaDbContext>().Sessions.AsNoTracking().SingleAsync(row => row.Id == id).WaitAsync(Timeout);
    }

    public async Task<SecurityContext> ContextAsync(Guid id) => SecurityContextJson.Deserialize((await SessionAsync(id)).Context);

    public async Task<T> QueryAsync<T>(Func<RtaDbContext, Task<T>> query)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<RtaDbContext>()).WaitAsync(Timeout);
    }

    public static JsonElement Detail(ReceivedSetEntity set) => JsonDocument.Parse(set.EffectDetail ?? "{}").RootElement.Clone();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Factory.DisposeAsync();
        await _root.DisposeAsync();
        // Idle pooled connections of a stopped server still count against PostgreSQL's max_connections.
        using (var connection = new NpgsqlConnection(_database))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        Key.Dispose();
        OtherKey.Dispose();
    }

    private async Task WaitUntilReadyAsync(bool expectApplier)
    {
        var replica = Service<IReplicaCurrency>();
        var keys = Service<RtaKeyRing>();
        var catalog = Service<SsfStreamCatalog>();
        var applier = Service<SetApplier>();
        Assert.True(
            await Eventually.UntilAsync(
                () => replica.IsCurrent && keys.ActiveKeyId is not null && catalog.IsLoaded && (applier.IsLeader || !expectApplier),
                Timeout,
                interval: TimeSpan.FromMilliseconds(50)),
            $"The server was not ready within {Timeout.TotalSeconds:0} s: replica current {replica.IsCurrent}, active key {keys.ActiveKeyId}, "
            + $"streams loaded {catalog.IsLoaded}, applier leading {applier.IsLeader} (expected: {expectApplier}).");
    }
}
