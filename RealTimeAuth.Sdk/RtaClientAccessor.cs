namespace RealTimeAuth.Sdk;

/// <summary>
/// The process's current <see cref="RtaClient"/>, for an agent that holds one session: set <see cref="Client"/>
/// after connecting, and every <see cref="RtaTokenHandler"/> resolved from the container sends its token.
/// </summary>
public sealed class RtaClientAccessor : IRtaTokenSource, IRtaProofSource
{
    private volatile RtaClient? _client;

    public RtaClient? Client
    {
        get => _client;
        set => _client = value;
    }

    public string? CurrentToken => _client?.CurrentToken;

    RtaClient? IRtaProofSource.Session => _client;
}
