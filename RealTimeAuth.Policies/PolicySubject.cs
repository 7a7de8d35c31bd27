using System.Collections.Immutable;

namespace RealTimeAuth.Policies;

/// <summary>
/// Who asks: the user (or service) a decision is about. Immutable, so one instance built from a session's
/// security context or a directory entry serves every decision for it.
/// </summary>
public sealed class PolicySubject
{
    private readonly ImmutableArray<string> _roles = [];
    private readonly IReadOnlyDictionary<string, string> _attributes = PropertyBag.Empty;

    /// <summary>The subject type, for instance <c>user</c> (AuthZEN <c>subject.type</c>).</summary>
    public required string Type { get; init; }

    /// <summary>The subject id: the IdP's <c>sub</c> (AuthZEN <c>subject.id</c>).</summary>
    public required string Id { get; init; }

    /// <summary>
    /// For a directory entry, the issuer whose <c>sub</c> <see cref="Id"/> is; null when the entry holds for an id at any
    /// issuer (one IdP). Two IdPs may give two people the same <c>sub</c>, so with several they are told apart here.
    /// </summary>
    public string? Issuer { get; init; }

    public string? Email { get; init; }

    public ImmutableArray<string> Roles
    {
        get => _roles;
        init => _roles = value.IsDefault ? [] : value;
    }

    /// <summary>Open attributes (<c>subject.attributes</c>): directory fields, extra IdP claims.</summary>
    public IReadOnlyDictionary<string, string> Attributes
    {
        get => _attributes;
        init => _attributes = value ?? PropertyBag.Empty;
    }

    /// <summary><c>low</c>, <c>medium</c> or <c>high</c> from security events; null when unknown.</summary>
    public string? RiskLevel { get; init; }

    /// <summary>Authentication assurance level (for instance NIST AAL 1–3); null when unknown.</summary>
    public long? AssuranceLevel { get; init; }

    /// <summary>Whether the subject's device is compliant; null when unknown.</summary>
    public bool? DeviceCompliant { get; init; }
}
