using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using RealTimeAuth.Protocol.Exchange;
using RealTimeAuth.Server.Exchange;
using RealTimeAuth.Server.Tests.SharedSignals;

namespace RealTimeAuth.Server.Tests.Exchange;

public sealed class ClientAuthenticatorTests
{
    private const string Secret = "copilot-secret-0123456789";

    private readonly ClientAuthenticator _authenticator = new(new StaticOptionsMonitor<ExchangeOptions>(new ExchangeOptions
    {
        Clients = { ["copilot"] = new ExchangeClientOptions { Secret = Secret, AllowedScopes = ["records:read"] } },
    }));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Authenticate_RightSecret_Succeeds(bool basic)
    {
        var result = basic ? Authenticate(Basic("copilot:" + Secret)) : Authenticate(null, ("copilot", Secret));

        Assert.Equal((true, "copilot"), (result.IsAuthenticated, result.ClientId));
    }

    [Fact]
    public void Authenticate_NoCredentials_IsClientAuthenticationMissing() =>
        AssertFailed(Authenticate(null), ExchangeRejectionReasons.ClientAuthenticationMissing, usedBasic: false);

    [Theory]
    [InlineData("Basic abc")]
    [InlineData("no-colon")]
    public void Authenticate_UndecodableBasic_IsClientCredentialsMalformed(string credentials)
    {
        var header = credentials.StartsWith("Basic", StringComparison.Ordinal) ? credentials : Basic(credentials);

        AssertFailed(Authenticate(header), ExchangeRejectionReasons.ClientCredentialsMalformed, usedBasic: true);
    }

    [Fact]
    public void Authenticate_BasicAndFormTogether_IsClientAuthenticationAmbiguous() =>
        AssertFailed(Authenticate(Basic("copilot:" + Secret), ("copilot", Secret)), ExchangeRejectionReasons.ClientAuthenticationAmbiguous, usedBasic: true);

    [Theory]
    [InlineData("copilot", "wrong-secret-0123456789")]
    [InlineData("no-such-client", Secret)]
    public void Authenticate_UnknownClientOrWrongSecret_AreTheSameCode(string clientId, string secret) =>
        AssertFailed(Authenticate(null, (clientId, secret)), ExchangeRejectionReasons.ClientAuthenticationFailed, usedBasic: false);

    private static void AssertFailed(ClientAuthentication result, string reason, bool usedBasic) =>
        Assert.Equal((false, reason, usedBasic), (result.IsAuthenticated, result.Reason, result.UsedBasic));

    private static string Basic(string credentials) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials));

    private ClientAuthentication Authenticate(string? authorization, (string Id, string Secret)? posted = null)
    {
        var context = new DefaultHttpContext();
        if (authorization is not null)
        {
            context.Request.Headers.Authorization = authorization;
        }

        var form = new Dictionary<string, StringValues>(StringComparer.Ordinal);
        if (posted is { } client)
        {
            form[RtaExchangeNames.Parameters.ClientId] = client.Id;
            form[RtaExchangeNames.Parameters.ClientSecret] = client.Secret;
        }

        return _authenticator.Authenticate(context.Request, new FormCollection(form));
    }
}
