using System.Collections.Concurrent;
using NSec.Cryptography;
using RealTimeAuth.Protocol.Binding;
using RealTimeAuth.Sdk.Binding;

namespace RealTimeAuth.Sdk.Tests.Binding;

[Trait("Tier", "Functional")]
public sealed class SessionKeyTests : SdkTestBase
{
    private readonly RecordingKeyFactory _keys = new();

    [Fact]
    public void DefaultFactory_NewKey_IsEd25519AndItsPrivateKeyCannotBeExported()
    {
        using var key = Assert.IsType<NsecSessionKey>(NsecSessionKeyFactory.Instance.CreateSessionKey());

        Assert.Equal(KeyExportPolicies.None, key.Key.ExportPolicy);
        Assert.Throws<InvalidOperationException>(() => key.Key.Export(KeyBlobFormat.RawPrivateKey));
        Assert.Throws<InvalidOperationException>(() => key.Key.Export(KeyBlobFormat.PkixPrivateKey));
        Assert.Equal(32, key.PublicKey.Length);
    }

    [Fact]
    public async Task ConnectAsync_CustomKeyFactory_SessionIsBoundToItsKeyAndTheKeySigns()
    {
        var client = await ConnectAsync("mail:read");
        await client.WaitForStateAsync(RtaConnectionState.Connected);

        var key = Assert.Single(_keys.Created);
        Assert.Equal(key.Thumbprint, Server.Tokens.KeyOf(client.SessionId));
        Assert.Equal(key.Thumbprint, (await Server.Live.NextStreamAsync()).Proof.KeyThumbprint);
        Assert.True(key.Signatures >= 2);
    }

    [Fact]
    public async Task DisposeAsync_ChildThenParent_EachDisposesItsOwnKey()
    {
        var parent = await ConnectAsync("mail:read");
        var child = await parent.CreateChildAsync(new RtaAgentIdentity { Id = "summarizer-1" }, ["mail:read"]).WaitAsync(TestTimeouts.Default);
        var keys = _keys.Created.ToArray();
        Assert.Equal(2, keys.Length);

        await child.DisposeAsync();

        Assert.False(keys[0].Disposed);
        Assert.True(keys[1].Disposed);
        await parent.DisposeAsync();
        Assert.True(keys[0].Disposed);
    }

    [Fact]
    public async Task ConnectAsync_ExchangeRefused_DisposesTheNewKey()
    {
        Server.Tokens.Failure = (400, "invalid_grant", "token-inactive: The subject token is not active.");

        await Assert.ThrowsAsync<RtaExchangeException>(() => ConnectAsync("mail:read"));

        Assert.True(Assert.Single(_keys.Created).Disposed);
    }

    internal override void Configure(RtaClientOptions options) => options.SessionKeys = _keys;

    private sealed class RecordingKeyFactory : IRtaSessionKeyFactory
    {
        public ConcurrentQueue<RecordingKey> Created { get; } = new();

        public IDpopSigningKey CreateSessionKey()
        {
            var key = new RecordingKey();
            Created.Enqueue(key);
            return key;
        }
    }
}
