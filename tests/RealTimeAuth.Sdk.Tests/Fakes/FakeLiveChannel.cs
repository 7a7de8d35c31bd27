using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Threading.Channels;
using Grpc.Core;
using RealTimeAuth.Protocol.Binding;
using RealTimeAuth.Protocol.Grpc;

namespace RealTimeAuth.Sdk.Tests.Fakes;

/// <summary>
/// The live channel service of the fake server: streams the tests drive by hand, and a scripted Authorize. Like the
/// server, it opens a stream only with a valid <c>dpop</c> proof by the session's key and answers with a stream binding;
/// Authorize takes an open stream's binding or a proof.
/// </summary>
internal sealed class FakeLiveChannel(FakeTokenEndpoint tokens) : LiveChannel.LiveChannelBase
{
    private const string ProofMetadata = "dpop";

    private readonly Channel<FakeStream> _streams = Channel.CreateUnbounded<FakeStream>();
    private readonly ConcurrentDictionary<FakeStream, bool> _open = new();
    private readonly ConcurrentQueue<FakeAuthorizeCall> _authorizeCalls = new();
    private int _connectAttempts;

    /// <summary>Every Connect, refused or not.</summary>
    public int ConnectAttempts => Volatile.Read(ref _connectAttempts);

    /// <summary>When set, Connect refuses the token with <c>Unauthenticated</c> and this <c>rta-reason</c>.</summary>
    public string? RefuseConnectWith { get; set; }

    /// <summary>When set, Authorize refuses the token with <c>Unauthenticated</c> and this <c>rta-reason</c>.</summary>
    public string? RefuseAuthorizeWith { get; set; }

    public Func<AuthorizeRequest, AuthorizeResponse> Decide { get; set; } =
        _ => new AuthorizeResponse { Decision = true, Reason = "allowed" };

    public IReadOnlyList<FakeAuthorizeCall> AuthorizeCalls => [.. _authorizeCalls];

    /// <summary>When true, Authorize treats every stream binding as unknown (the stream lives on another replica).</summary>
    public bool ForgetBindings { get; set; }

    public async Task<FakeStream> NextStreamAsync() => await _streams.Reader.ReadAsync().AsTask().WaitAsync(TestTimeouts.Default);

    public override async Task Connect(IAsyncStreamReader<ClientMessage> requestStream, IServerStreamWriter<ServerMessage> responseStream, ServerCallContext context)
    {
        Interlocked.Increment(ref _connectAttempts);
        if (RefuseConnectWith is { } reason)
        {
            throw Refuse(reason);
        }

        var authorization = context.RequestHeaders.GetValue("authorization");
        var (proof, rejection) = Verify(context, authorization);
        if (rejection is not null)
        {
            throw Refuse(rejection);
        }

        var binding = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        await context.WriteResponseHeadersAsync(new Metadata { { RtaBindingNames.StreamBindingMetadata, binding } });
        var stream = new FakeStream(authorization, context.GetHttpContext(), proof!, binding);
        _open[stream] = true;
        _streams.Writer.TryWrite(stream);
        try
        {
            await stream.RunAsync(requestStream, responseStream, context.CancellationToken);
        }
        finally
        {
            _open.TryRemove(stream, out _);
        }
    }

    /// <summary>Breaks every open stream, as a crashing server would.</summary>
    public void AbortAll()
    {
        foreach (var stream in _open.Keys)
        {
            stream.Abort();
        }
    }

    public override Task<AuthorizeResponse> Authorize(AuthorizeRequest request, ServerCallContext context)
    {
        var authorization = context.RequestHeaders.GetValue("authorization");
        var binding = context.RequestHeaders.GetValue(RtaBindingNames.StreamBindingMetadata);
        SeenProof? proof = null;
        string? rejection;
        if (binding is not null)
        {
            rejection = !ForgetBindings && _open.Keys.Any(stream => stream.Binding == binding)
                ? null
                : RtaBindingReasons.StreamBindingUnknown;
        }
        else
        {
            (proof, rejection) = Verify(context, authorization);
        }

        _authorizeCalls.Enqueue(new FakeAuthorizeCall(request, authorization, context.GetHttpContext().Connection.Id)
        {
            StreamBinding = binding,
            Proof = proof,
            Refusal = rejection,
        });
        return (rejection ?? RefuseAuthorizeWith) is { } reason ? throw Refuse(reason, rejection is null ? null : tokens.Proofs.RequireNonce) : Task.FromResult(Decide(request));
    }

    private static RpcException Refuse(string reason, string? nonce = null)
    {
        var trailers = new Metadata { { "rta-reason", reason } };
        if (nonce is not null)
        {
            trailers.Add("dpop-nonce", nonce);
        }

        return new(new Status(StatusCode.Unauthenticated, "The token was refused."), trailers);
    }

    private (SeenProof? Proof, string? Rejection) Verify(ServerCallContext context, string? authorization)
    {
        const string scheme = "RTA ";
        var token = authorization?.StartsWith(scheme, StringComparison.Ordinal) == true ? authorization[scheme.Length..] : null;
        return tokens.Proofs.Verify(context.RequestHeaders.GetValue(ProofMetadata), context.GetHttpContext().Request, token, tokens.KeyOfToken(token));
    }
}
