using System.Buffers.Text;
using System.Security.Cryptography;
using RealTimeAuth.Protocol.Binding;

namespace RealTimeAuth.Sdk.Binding;

/// <summary>
/// One session's proofs of possession (RFC 9449): its key, a proof writer over it, and the latest nonce the server
/// asked for (§8). The key is owned: disposed with the session. Thread-safe.
/// </summary>
internal sealed class SessionProofs : IRequestProver, IDisposable
{
    private readonly IDpopSigningKey _key;
    private readonly DpopProofWriter _writer;
    private string? _nonce;

    /// <exception cref="ArgumentException">The key is not an Ed25519 key; it is disposed.</exception>
    public SessionProofs(IDpopSigningKey key, TimeProvider time)
    {
        _key = key;
        try
        {
            _writer = new DpopProofWriter(key, time);
        }
        catch
        {
            (key as IDisposable)?.Dispose();
            throw;
        }

        Span<byte> handle = stackalloc byte[16];
        RandomNumberGenerator.Fill(handle);
        Handle = Base64Url.EncodeToString(handle);
    }

    /// <summary>A random name for this session inside the process, sent from a gRPC call to <see cref="ProofHandler"/>; never leaves the process.</summary>
    public string Handle { get; }

    /// <summary>The RFC 7638 thumbprint of the key: the session's <c>cnf.jkt</c>.</summary>
    public string KeyThumbprint => _writer.JwkThumbprint;

    /// <summary>The latest nonce the server gave, put in every proof from then on; null until one is given.</summary>
    public string? Nonce => Volatile.Read(ref _nonce);

    /// <summary>A fresh proof for one request; <paramref name="accessToken"/> is the RTAToken sent with it, if any (for <c>ath</c>).</summary>
    public string Write(string method, Uri uri, string? accessToken) =>
        _writer.Write(method, uri.AbsoluteUri, accessToken is null ? null : DpopAccessTokenHash.Compute(accessToken), Nonce);

    /// <summary>Writes the <c>DPoP</c> header of a request that carries <c>Authorization: RTA &lt;token&gt;</c>, for its final method and URI.</summary>
    public void Prove(HttpRequestMessage request)
    {
        var token = request.Headers.Authorization?.Parameter;
        request.Headers.Remove(RtaBindingNames.ProofHeader);
        request.Headers.TryAddWithoutValidation(RtaBindingNames.ProofHeader, Write(request.Method.Method, request.RequestUri!, token));
    }

    /// <summary>Remembers the response's <c>DPoP-Nonce</c>; true when it gave a new one.</summary>
    public bool Observe(HttpResponseMessage response)
    {
        if (ProofNonce.Read(response.Headers) is not { } nonce || nonce == Nonce)
        {
            return false;
        }

        Volatile.Write(ref _nonce, nonce);
        return true;
    }

    /// <summary>Takes a nonce read elsewhere (a gRPC response's metadata).</summary>
    public void Observe(string? nonce)
    {
        if (ProofNonce.IsValid(nonce))
        {
            Volatile.Write(ref _nonce, nonce);
        }
    }

    public void Dispose() => (_key as IDisposable)?.Dispose();
}
