using System.Collections.Immutable;
using RealTimeAuth.Policies;
using RealTimeAuth.Policies.Subjects;
using RealTimeAuth.Protocol.Contexts;
using RealTimeAuth.Server.Sessions;

namespace RealTimeAuth.Server.Authorization.Pdp;

/// <summary>The policy's view of a session: its user as subject and the chain of agent ids from the root session.</summary>
public static class SessionSubjects
{
    /// <summary>True when the IdP's token said <c>email_verified: true</c> (OpenID Connect Core §5.1).</summary>
    public const string EmailVerifiedAttribute = "user.email_verified";

    /// <summary>The user from the context's <c>user.*</c>, else a bare user named by the session's subject.</summary>
    public static PolicySubject Subject(string sessionSubject, SecurityContext context) =>
        context.Attributes.ContainsKey(SecurityContextMapping.SubjectAttribute)
            ? SecurityContextMapping.ToSubject(context)
            : new PolicySubject { Type = "user", Id = sessionSubject };

    /// <summary>
    /// The session's user completed from the directory. An entry is found by the user's id at the session's issuer (an
    /// entry naming another issuer never applies); by e-mail only when the IdP said the address is verified
    /// (<c>user.email_verified</c>), since an unverified address is whatever the user typed.
    /// </summary>
    public static PolicySubject Enriched(string sessionIssuer, string sessionSubject, SecurityContext context, SubjectDirectory directory)
    {
        ArgumentNullException.ThrowIfNull(context);
        var verified = context.Attributes.TryGetValue(EmailVerifiedAttribute, out var value)
            && value.Kind == SecurityAttributeKind.Boolean && value.AsBoolean();
        return SubjectEnrichment.Enrich(Subject(sessionSubject, context), directory, matchByEmail: verified, issuer: sessionIssuer);
    }

    /// <summary>
    /// Agent ids from the root session to <paramref name="session"/>, walking parents in the session cache. A session's
    /// ancestry never changes, so a complete chain is kept per session: every decision and its audit record need it.
    /// </summary>
    public static ImmutableArray<string> Chain(SessionState session, SessionCache sessions)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(sessions);
        if (sessions.TryGetChain(session.Id, out var known))
        {
            return known;
        }

        var chain = Walk(session, sessions);
        sessions.RememberChain(session, chain);
        return chain;
    }

    private static ImmutableArray<string> Walk(SessionState session, SessionCache sessions)
    {
        var chain = new List<string>(session.Depth + 1);
        for (SessionState? current = session; current is not null && chain.Count <= session.Depth; current = current.ParentId is { } parent ? sessions.Find(parent) : null)
        {
            chain.Add(current.Agent.Id);
        }

        chain.Reverse();
        return [.. chain];
    }
}
