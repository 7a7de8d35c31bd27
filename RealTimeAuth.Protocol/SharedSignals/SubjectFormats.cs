namespace RealTimeAuth.Protocol.SharedSignals;

/// <summary>Subject identifier formats of RFC 9493 and SSF 1.0 §3, and the members each requires.</summary>
public static class SubjectFormats
{
    public const string Account = "account";
    public const string Email = "email";
    public const string IssuerSubject = "iss_sub";
    public const string Opaque = "opaque";
    public const string PhoneNumber = "phone_number";
    public const string Did = "did";
    public const string Uri = "uri";
    public const string Aliases = "aliases";
    public const string JwtId = "jwt_id";
    public const string SamlAssertionId = "saml_assertion_id";
    public const string IpAddresses = "ip-addresses";
    public const string Complex = "complex";

    /// <summary>The members of a complex subject (SSF 1.0 §3.2).</summary>
    public static readonly IReadOnlyList<string> ComplexMembers = ["user", "device", "session", "application", "tenant", "org_unit", "group"];

    /// <summary>String members each simple format requires; formats not listed here are proprietary and accepted as they are.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> RequiredStrings = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        [Account] = ["uri"],
        [Email] = ["email"],
        [IssuerSubject] = ["iss", "sub"],
        [Opaque] = ["id"],
        [PhoneNumber] = ["phone_number"],
        [Did] = ["url"],
        [Uri] = ["uri"],
        [JwtId] = ["iss", "jti"],
        [SamlAssertionId] = ["issuer", "assertion_id"],
    };
}
