using RealTimeAuth.Protocol.SharedSignals;

namespace RealTimeAuth.Server.SharedSignals;

/// <summary>One trusted transmitter and the stream it delivers on (<c>SharedSignals:Transmitters:N</c>).</summary>
public sealed class TransmitterOptions
{
    /// <summary>The transmitter's issuer, exactly as in the <c>iss</c> of its SETs.</summary>
    public string Issuer { get; set; } = string.Empty;

    /// <summary>The transmitter's JWKS. When absent it is read from the SSF metadata (SSF 1.0 §7).</summary>
    public string? JwksUri { get; set; }

    /// <summary>Where to read the SSF metadata; defaults to the issuer with <c>/.well-known/ssf-configuration</c> inserted (SSF 1.0 §7.2).</summary>
    public string? MetadataAddress { get; set; }

    /// <summary>The audience the transmitter puts in <c>aud</c> of SETs for this receiver.</summary>
    public string Audience { get; set; } = string.Empty;

    /// <summary>The exact <c>Authorization</c> header value the transmitter sends with every push. A secret.</summary>
    public string? PushAuthorization { get; set; }

    /// <summary>The transmitter's <c>stream_id</c>, when known.</summary>
    public string? StreamId { get; set; }

    /// <summary><c>urn:ietf:rfc:8935</c> (push, the default) or <c>urn:ietf:rfc:8936</c> (poll).</summary>
    public string DeliveryMethod { get; set; } = SsfDeliveryMethods.Push;

    /// <summary>
    /// Issuers of the users this transmitter speaks for; its events reach only sessions from these issuers.
    /// Defaults to <see cref="Issuer"/> (an IdP transmitting about its own users).
    /// </summary>
    public List<string> SubjectIssuers { get; set; } = [];

    /// <summary>
    /// Session-context attributes this transmitter's events may change (ADR 0020): <c>user.risk_level</c>,
    /// <c>user.assurance_level</c>, <c>user.device_compliant</c>, <c>user.roles</c>, <c>user.email</c>, <c>user.name</c>,
    /// <c>user.phone_number</c>, <c>user.claim.&lt;name&gt;</c>, or a prefix ending in <c>*</c> (<c>user.claim.*</c>).
    /// A SET that would change another is refused with <c>access_denied</c>. Empty means risk, assurance and device compliance.
    /// </summary>
    public List<string> AllowedClaims { get; set; } = [];

    public string? Description { get; set; }

    /// <summary>
    /// Client id at the transmitter's authorization server for the stream management API (SSF 1.0 §8, OAuth client
    /// credentials). When set, this server creates or adopts its stream at start, keeps its status, and generates the
    /// push Authorization header itself (<see cref="PushAuthorization"/> is then not needed).
    /// </summary>
    public string? ClientId { get; set; }

    /// <summary>The client secret for <see cref="ClientId"/>. A secret: user-secrets or an Aspire parameter.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The token endpoint; defaults to the one in the issuer's <c>/.well-known/openid-configuration</c>.</summary>
    public string? TokenEndpoint { get; set; }

    /// <summary>The scope the management token is requested with.</summary>
    public string ManagementScope { get; set; } = "ssf.manage";

    /// <summary>
    /// This server's push endpoint as the transmitter reaches it (<c>https://rta.example.com/ssf/events</c>); defaults to this
    /// replica's first HTTP address with <c>/ssf/events</c>.
    /// </summary>
    public string? ReceiverEndpoint { get; set; }

    /// <summary>Event types asked for when the stream is created; defaults to every CAEP, RISC and SSF type this receiver acts on.</summary>
    public List<string> EventsRequested { get; set; } = [];

    internal bool IsManaged => !string.IsNullOrWhiteSpace(ClientId);

    /// <summary>Plain-HTTP metadata and JWKS are accepted only in Development and only when this is false.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}
