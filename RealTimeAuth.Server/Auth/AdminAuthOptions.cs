namespace RealTimeAuth.Server.Auth;

/// <summary>Who may call the admin API (configuration section <c>Admin</c>).</summary>
public sealed class AdminAuthOptions
{
    public const string SectionName = "Admin";

    /// <summary>The OpenID Connect issuer whose access tokens admins present; unset, every admin call is refused.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience those tokens carry for this API.</summary>
    public string Audience { get; set; } = "rta-admin-api";

    /// <summary>Plain-HTTP metadata is accepted only in Development and only when this is false.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}
