using System.Net;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using RealTimeAuth.Server.SharedSignals.Receiving;
using RealTimeAuth.Server.SharedSignals.Streams;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.SharedSignals;

/// <summary>RFC 8935 push delivery: authentication of the transmitter, the failure responses, replays.</summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class PushEndpointTests(SsfServerFixture fixture) : IClassFixture<SsfServerFixture>
{
    private SsfServer Server => fixture.Server;

    [Fact]
    public async Task Push_WithoutAuthorization_AuthenticationFailed()
    {
        var response = await Server.PostAsync(Server.Key.Sign(Sets.SessionEstablished()), authorization: null);

        AssertError(response, "authentication_failed");
    }

    [Fact]
    public async Task Push_WithWrongAuthorization_AuthenticationFailed()
    {
        var response = await Server.PostAsync(Server.Key.Sign(Sets.SessionEstablished()), authorization: Server.Authorization + "x");

        AssertError(response, "authentication_failed");
    }

    [Fact]
    public async Task Push_AuthenticatedAsAnotherTransmitter_AccessDenied()
    {
        var response = await Server.PostAsync(Server.Key.Sign(Sets.SessionEstablished()), authorization: Server.OtherAuthorization);

        AssertError(response, "access_denied");
    }

    [Fact]
    public async Task Push_FromUnknownIssuer_InvalidIssuer()
    {
        var response = await Server.PushAsync(Sets.SessionEstablished().With("iss", "https://unknown-transmitter.test/"));

        AssertError(response, "invalid_issuer");
        Assert.Contains("https://unknown-transmitter.test/", response.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Push_ForAnotherAudience_InvalidAudience()
    {
        var response = await Server.PushAsync(Sets.SessionEstablished().With("aud", "https://someone-else.test/"));

        AssertError(response, "invalid_audience");
    }

    [Fact]
    public async Task Push_AudienceArrayNamingThisReceiver_Accepted()
    {
        var response = await Server.PushAsync(Sets.SessionEstablished().With("aud", new JsonArray("https://someone-else.test/", TestStreams.Audience)));

        Assert.Equal(HttpStatusCode.Accepted, response.Status);
    }

    [Fact]
    public async Task Push_SignedByAnotherKeyWithTheSameKid_InvalidKey()
    {
        using var impostor = TestSigningKey.Es256(Server.Key.KeyId);

        var response = await Server.PostAsync(impostor.Sign(Sets.SessionEstablished()));

        AssertError(response, "invalid_key");
    }

    [Fact]
    public async Task Push_SignatureTampered_InvalidKey()
    {
        var token = Server.Key.Sign(Sets.SessionEstablished());
        var tampered = token[..^4] + (token[^4] == 'A' ? "B" : "A") + token[^3..];

        var response = await Server.PostAsync(tampered);

        AssertError(response, "invalid_key");
    }

    [Fact]
    public async Task Push_UnknownKeyId_InvalidKey()
    {
        using var stranger = TestSigningKey.Es256("no-such-key");

        var response = await Server.PostAsync(stranger.Sign(Sets.SessionEstablished()));

        AssertError(response, "invalid_key");
    }

    [Fact]
    public async Task Push_AlgNone_InvalidRequest()
    {
        var response = await Server.PostAsync(TestSigningKey.Unsigned(Sets.SessionEstablished()));

        AssertError(response, "invalid_request");
    }

    [Fact]
    public async Task Push_Hs256WithThePublicKeyAsSecret_InvalidKey()
    {
        var response = await Server.PostAsync(Server.Key.ForgeHs256(Sets.SessionEstablished()));

        AssertError(response, "invalid_key");
    }

    [Theory]
    [InlineData("JWT")]
    [InlineData("at+jwt")]
    [InlineData(null)]
    public async Task Push_WithoutExplicitSetType_InvalidRequest(string? typ)
    {
        var response = await Server.PostAsync(Server.Key.Sign(Sets.SessionEstablished(), typ: typ));

        AssertError(response, "invalid_request");
    }

    [Fact]
    public async Task Push_LargerThanLimit_Is413InvalidRequest()
    {
        var claims = Sets.SessionEstablished();
        claims["padding"] = new string('x', 70 * 1024);

        var response = await Server.PushAsync(claims);

        // ADR 0019: past SharedSignals:MaxSetBytes the answer is 413, still in the RFC 8935 shape.
        AssertError(response, "invalid_request", HttpStatusCode.RequestEntityTooLarge);
        Assert.StartsWith("body-too-large:", response.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/jwt")]
    [InlineData("text/plain")]
    public async Task Push_NotSecEventJwt_InvalidRequest(string contentType)
    {
        var response = await Server.PostAsync(Server.Key.Sign(Sets.SessionEstablished()), contentType: contentType);

        AssertError(response, "invalid_request");
    }

    [Fact]
    public async Task Push_ContentTypeWithParameterAndOtherCase_Accepted()
    {
        var response = await Server.PostAsync(Server.Key.Sign(Sets.SessionEstablished()), contentType: "Application/SecEvent+JWT; charset=us-ascii");

        Assert.Equal(HttpStatusCode.Accepted, response.Status);
    }

    [Fact]
    public async Task Push_TransmitterKeysUnreadable_ServiceUnavailableToRetry()
    {
        var claims = Sets.SessionEstablished().With("iss", TestStreams.UnreachableIssuer);

        var response = await Server.PostAsync(Server.Key.Sign(claims), authorization: SsfServer.UnreachableAuthorization);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.Status);
    }

    [Fact]
    public async Task Push_ReplayedJti_AcceptedTwiceActedOnce()
    {
        const string Issuer = "https://idp.example.com/";
        var subject = $"user-{Guid.NewGuid():N}";
        var before = await Server.CreateSessionAsync(Issuer, subject);
        var token = Server.Key.Sign(Sets.CredentialChangeRequired(Issuer, subject));
        var first = await Server.PostAsync(token);
        var jti = System.Text.Json.JsonDocument.Parse(System.Buffers.Text.Base64Url.DecodeFromChars(token.Split('.')[1])).RootElement.GetProperty("jti").GetString()!;
        await Server.WaitForProcessedAsync(jti);
        var after = await Server.CreateSessionAsync(Issuer, subject);

        var second = await Server.PostAsync(token);
        // SETs are applied in the order received: once a later one is, anything the replay queued has been too.
        await Server.DeliverAsync(Sets.SessionEstablished());

        Assert.Equal(HttpStatusCode.Accepted, first.Status);
        Assert.Equal(HttpStatusCode.Accepted, second.Status);
        Assert.Equal("Revoked", (await Server.SessionAsync(before.Id)).Status);
        Assert.Equal("Active", (await Server.SessionAsync(after.Id)).Status);
        var row = await Server.QueryAsync(db => db.ReceivedSets.AsNoTracking().SingleAsync(set => set.Jti == jti));
        Assert.Equal(1, row.Redeliveries);
        var logged = await Server.QueryAsync(db => db.EventLog.AsNoTracking()
            .Where(entry => entry.Type == SsfEventLogTypes.EventProcessed).Select(entry => entry.Payload).ToListAsync());
        Assert.Single(logged, payload => JsonNode.Parse(payload)!["jti"]!.GetValue<string>() == jti);
    }

    [Fact]
    public async Task Push_KeyRotated_NewKidFetchedAndAccepted()
    {
        using var rotated = TestSigningKey.Es256($"rotated-{Guid.NewGuid():N}");
        Server.Documents.ServeJwks(TestStreams.JwksUri, Server.Key, rotated);

        var response = await Server.PostAsync(rotated.Sign(Sets.SessionEstablished()));

        Assert.Equal(HttpStatusCode.Accepted, response.Status);
    }

    [Fact]
    public async Task Push_StreamDisabledAtReceiver_AccessDenied()
    {
        await SetEnabledAsync(TestStreams.OtherIssuer, false);
        try
        {
            var claims = Sets.SessionEstablished().With("iss", TestStreams.OtherIssuer);

            var response = await Server.PostAsync(Server.OtherKey.Sign(claims), authorization: Server.OtherAuthorization);

            AssertError(response, "access_denied");
        }
        finally
        {
            await SetEnabledAsync(TestStreams.OtherIssuer, true);
        }
    }

    [Fact]
    public async Task Push_SecretRotatedByAnotherReplica_AcceptedWithoutWaitingForThePeriodicRefresh()
    {
        var rotated = "Bearer " + Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        await SetPushSecretAsync(TestStreams.Issuer, rotated, reload: false);

        try
        {
            // A miss re-reads the streams at most once per interval, and an earlier test's wrong header may just have used
            // it: the first miss past the interval must let the new secret in, well before the periodic refresh.
            PushResponse? response = null;
            var accepted = await Eventually.UntilAsync(
                async () => (response = await Server.PostAsync(Server.Key.Sign(Sets.SessionEstablished()), authorization: rotated)).Status == HttpStatusCode.Accepted,
                PushAuthenticator.MissReloadInterval * 3,
                interval: TimeSpan.FromMilliseconds(100));
            var old = await Server.PostAsync(Server.Key.Sign(Sets.SessionEstablished()), authorization: Server.Authorization);

            Assert.True(accepted, $"The rotated secret was still refused after {(PushAuthenticator.MissReloadInterval * 3).TotalSeconds:0} s: {response?.Error}.");
            AssertError(old, "authentication_failed");
        }
        finally
        {
            await SetPushSecretAsync(TestStreams.Issuer, Server.Authorization, reload: true);
        }
    }

    // Another replica's rotation changes only the row; reload: false leaves this replica's catalog as it was.
    private async Task SetPushSecretAsync(string issuer, string authorization, bool reload) =>
        await Server.QueryAsync(async db =>
        {
            var hash = SsfStreamCatalog.HashAuthorization(authorization);
            await db.SsfStreams.Where(stream => stream.Issuer == issuer && stream.PushAuthorizationHash != null)
                .ExecuteUpdateAsync(update => update.SetProperty(stream => stream.PushAuthorizationHash, hash));
            if (reload)
            {
                await Server.Service<SsfStreamCatalog>().ReloadAsync(db, CancellationToken.None);
            }

            return true;
        });

    private async Task SetEnabledAsync(string issuer, bool enabled) =>
        await Server.QueryAsync(async db =>
        {
            await db.SsfStreams.Where(stream => stream.Issuer == issuer).ExecuteUpdateAsync(update => update.SetProperty(stream => stream.Enabled, enabled));
            await Server.Service<SsfStreamCatalog>().ReloadAsync(db, CancellationToken.None);
            return true;
        });

    private static void AssertError(PushResponse response, string error, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        Assert.Equal(status, response.Status);
        Assert.Equal("application/json", response.ContentType);
        Assert.Equal(error, response.Error);
        Assert.False(string.IsNullOrEmpty(response.Description));
    }
}
