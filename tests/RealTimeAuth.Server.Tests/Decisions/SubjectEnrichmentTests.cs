using RealTimeAuth.Policies;
using RealTimeAuth.Policies.Subjects;
using RealTimeAuth.Protocol.Contexts;
using RealTimeAuth.Server.Authorization.Pdp;

namespace RealTimeAuth.Server.Tests.Decisions;

public sealed class SubjectEnrichmentTests
{
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

        var subject = SessionSubjects.Enriched("attacker", context, Directory);

        Assert.Empty(subject.Roles);
    }

    [Fact]
    public void Enriched_SessionUserWithAVerifiedEmail_IsFoundByIt()
    {
        var context = SecurityContext.Empty.With("user.sub", "other").With("user.email", "rick@example.com")
            .With(SessionSubjects.EmailVerifiedAttribute, SecurityAttributeValue.FromBoolean(true));

        var subject = SessionSubjects.Enriched("other", context, Directory);

        Assert.Equal(["admin"], subject.Roles.ToArray());
    }
}
