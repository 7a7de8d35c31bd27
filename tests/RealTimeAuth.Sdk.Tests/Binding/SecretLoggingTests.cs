using System.Text.RegularExpressions;
using RealTimeAuth.Protocol.Binding;

namespace RealTimeAuth.Sdk.Tests.Binding;

[Trait("Tier", "Functional")]
public sealed partial class SecretLoggingTests : SdkTestBase
{
    private readonly CapturingLoggerProvider _logs = new();

    [Fact]
    public async Task EveryPath_TraceLogging_NoTokenProofOrStreamBindingIsLogged()
    {
        var parent = await ConnectAsync("mail:read");
        var stream = await Server.Live.NextStreamAsync();
        await stream.HelloAsync();
        var child = Track(await parent.CreateChildAsync(new RtaAgentIdentity { Id = "summarizer-1" }, ["mail:read"]).WaitAsync(TestTimeouts.Default));
        await parent.WaitForStateAsync(RtaConnectionState.Connected);
        await parent.AuthorizeAsync("mail.read", "mailbox", "inbox").WaitAsync(TestTimeouts.Default);
        Server.Live.ForgetBindings = true;
        await parent.AuthorizeAsync("mail.read", "mailbox", "inbox").WaitAsync(TestTimeouts.Default);
        stream.Supersede();
        var second = await Server.Live.NextStreamAsync();
        await second.HelloAsync();
        Server.Tokens.Proofs.RequireNonce = "logged-nonce-check";
        Server.Live.RefuseAuthorizeWith = DpopRejectionReasons.WrongKey;
        await child.AuthorizeAsync("mail.read", "mailbox", "inbox").WaitAsync(TestTimeouts.Default);
        var third = await ConnectAsync("mail:read");
        Server.Tokens.Failure = (400, RtaBindingNames.Errors.InvalidDpopProof, DpopRejectionReasons.BadSignature);
        await Assert.ThrowsAsync<RtaExchangeException>(() => ConnectAsync("mail:read"));

        var secrets = new[] { parent.CurrentToken, child.CurrentToken, third.CurrentToken, stream.Binding, second.Binding, "idp-access-token" };
        Assert.NotEmpty(_logs.Entries);
        Assert.All(_logs.Entries, entry =>
        {
            Assert.DoesNotContain(secrets, secret => entry.Text.Contains(secret, StringComparison.Ordinal));

            // Every proof is a JWS whose header starts {"typ":"dpop+jwt", which base64url-encodes to this.
            Assert.DoesNotMatch(ProofPrefix(), entry.Text);
        });
    }

    internal override RtaClientFactory CreateFactory(RtaClientOptions options) => new(options, loggerFactory: _logs.CreateFactory());

    [GeneratedRegex("eyJ0eXAiOiJkcG9wK2p3dC")]
    private static partial Regex ProofPrefix();
}
