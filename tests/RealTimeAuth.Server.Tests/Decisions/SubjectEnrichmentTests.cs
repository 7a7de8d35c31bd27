using RealTimeAuth.Policies;
using RealTimeAuth.Policies.Subjects;
using RealTimeAuth.Protocol.Contexts;
using RealTimeAuth.Server.Authorization.Pdp;

namespace RealTimeAuth.Server.Tests.Decisions;

public sealed class SubjectEnrichmentTests
{
    private const string IdpA = "https://idp-a.example.com";
    private const string IdpB = "https://idp-b.example.com/";

    // Two IdPs gave two people the same sub; each entry names its issuer.
    private static readonly SubjectDirectory TwoIdps = SubjectDirectory.Create(
    [
        new PolicySubject { Type = "user", Id = "42", Issuer = IdpA, Email = "ann@a.example.com", Roles = ["admin"] },
        new PolicySubject { Type = "user", Id = "42", Issuer = "https://idp-b.example.com", Roles = ["viewer"] },
    ]);

    private static readonly SubjectDirectory Directory = SubjectDirectory.Create(
    [
        new PolicySubject { Type = "user", Id = "sub-1", Email = "rick@example.com", Roles = ["admin"], RiskLevel = "low" },
    ]);

    [Fact]
    public void Enrich_KnownId_AddsDirectoryFactsAndKeepsContextOnes()
    {
        var subject = SubjectEnrichment.Enrich(
            new PolicySubject { Type = "user", Id = "sub-1", Roles = ["editor"], RiskLevel = "high" }, Directory);

        Assert.Equal("rick@example.com", subject.Email);
        Assert.Equal(["editor", "admin"], subject.Roles.ToArray());
        Assert.Equal("high", subject.RiskLevel);
    }

    [Fact]
    public void Enrich_UnknownIdButKnownEmail_FindsEntryByEmail()
    {
        var subject = SubjectEnrichment.Enrich(new PolicySubject { Type = "user", Id = "other", Email = "RICK@example.com" }, Directory);

        Assert.Equal("other", subject.Id);
        Assert.Equal(["admin"], subject.Roles.ToArray());
    }

    [Fact]
    public void Enrich_Unknown_ReturnsSubjectUnchanged()
    {
        var bare = new PolicySubject { Type = "user", Id = "nobody" };

        Assert.Same(bare, SubjectEnrichment.Enrich(bare, Directory));
    }

    [Fact]
    public void Enriched_SessionUserWithAnUnverifiedEmail_IsNotFoundByIt()
    {
        var context = SecurityContext.Empty.With("user.sub", "attacker").With("user.email", "rick@example.com");

        var subject = SessionSubjects.Enriched(IdpA, "attacker", context, Directory);

        Assert.Empty(subject.Roles);
    }

    [Fact]
    public void Enriched_SessionUserWithAVerifiedEmail_IsFoundByIt()
    {
        var context = SecurityContext.Empty.With("user.sub", "other").With("user.email", "rick@example.com")
            .With(SessionSubjects.EmailVerifiedAttribute, SecurityAttributeValue.FromBoolean(true));

        var subject = SessionSubjects.Enriched(IdpA, "other", context, Directory);

        Assert.Equal(["admin"], subject.Roles.ToArray());
    }

    [Fact]
    public void Enriched_SameSubAtTwoIssuers_EachSessionGetsItsOwnIssuersEntry()
    {
        var fromA = SessionSubjects.Enriched(IdpA + "/", "42", SecurityContext.Empty, TwoIdps);
        var fromB = SessionSubjects.Enriched(IdpB, "42", SecurityContext.Empty, TwoIdps);
        var fromC = SessionSubjects.Enriched("https://idp-c.example.com", "42", SecurityContext.Empty, TwoIdps);

        Assert.Equal(["admin"], fromA.Roles.ToArray());
        Assert.Equal(["viewer"], fromB.Roles.ToArray());
        Assert.Empty(fromC.Roles);
    }

    [Fact]
    public void Enriched_VerifiedEmailOfAnotherIssuersEntry_IsNotFoundByIt()
    {
        var context = SecurityContext.Empty.With("user.sub", "7").With("user.email", "ann@a.example.com")
            .With(SessionSubjects.EmailVerifiedAttribute, SecurityAttributeValue.FromBoolean(true));

        Assert.Empty(SessionSubjects.Enriched(IdpB, "7", context, TwoIdps).Roles);
        Assert.Equal(["admin"], SessionSubjects.Enriched(IdpA, "7", context, TwoIdps).Roles.ToArray());
    }

    [Fact]
    public void Enriched_EntryWithoutIssuer_HoldsAtEveryIssuer()
    {
        Assert.Equal(["admin"], SessionSubjects.Enriched(IdpB, "sub-1", SecurityContext.Empty, Directory).Roles.ToArray());
    }

    [Fact]
    public void Enrich_PepNamesAnIdSharedByTwoIssuers_FindsNeither()
    {
        var bare = new PolicySubject { Type = "user", Id = "42" };

        Assert.Same(bare, SubjectEnrichment.Enrich(bare, TwoIdps));
    }
}
