namespace RealTimeAuth.Server.Sessions.Binding;

/// <summary>Where a proof was presented: the <c>use</c> tag of the binding metrics and logs.</summary>
public static class ProofUse
{
    public const string Exchange = "exchange";
    public const string ParentExchange = "parent-exchange";
    public const string GrpcStream = "grpc-stream";
    public const string SseStream = "sse-stream";
    public const string GrpcAuthorize = "grpc-authorize";
    public const string HttpAuthorize = "http-authorize";
}
