using System.ComponentModel.DataAnnotations;

namespace RealTimeAuth.Server.AuthZen;

/// <summary>
/// Configuration section <c>AuthZen</c>. PEPs authenticate with one of <see cref="ApiKeys"/>
/// (<c>AuthZen:ApiKeys:0</c>, …), sent as <c>Authorization: Bearer &lt;key&gt;</c> or as the bare key, or with
/// an OAuth client-credentials access token from <see cref="Authority"/> for <see cref="Audience"/>.
/// With neither configured every AuthZEN call is refused (401).
/// </summary>
public sealed class AuthZenOptions
{
    public const string SectionName = "AuthZen";

    /// <summary>The authentication scheme validating PEP access tokens.</summary>
    public const string TokenScheme = "AuthZenToken";

    public List<string> ApiKeys { get; } = [];

    /// <summary>The trusted issuer of PEP access tokens; unset disables token authentication.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience PEP access tokens must carry; required with <see cref="Authority"/>.</summary>
    public string? Audience { get; set; }

    /// <summary>Most items one <c>/access/v1/evaluations</c> request may carry; more is refused (400, <c>too-many-evaluations</c>).</summary>
    [Range(1, 10_000)]
    public int MaxEvaluations { get; set; } = 100;

    /// <summary>Allows plain-HTTP metadata for a local IdP; honoured only in Development.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}
