using System.Text.Json;
using RealTimeAuth.Server.SharedSignals.Subjects;

using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.SharedSignals;

/// <summary>SSF 1.0 §8.1.3.1 subject matching, on the conformance pairs and a few more.</summary>
public sealed class SubjectMatcherTests
{
    [Theory]
    [InlineData("ssf-match-1-receiver-added-tenant-only.json", "ssf-match-1-transmitter-event-subject.json", true)]
    [InlineData("ssf-match-2-receiver-added-user-device.json", "ssf-match-2-transmitter-event-subject.json", true)]
    [InlineData("ssf-match-3-receiver-added-user-group.json", "ssf-match-3-transmitter-event-subject.json", false)]
    public void Matches_ConformancePair_AsTheReadmeSays(string added, string eventSubject, bool expected)
    {
        Assert.Equal(expected, SubjectMatcher.Matches(Read(added), Read(eventSubject)));
        Assert.True(SubjectIdentifierRules.Validate(Read(added)) is null);
        Assert.True(SubjectIdentifierRules.Validate(Read(eventSubject)) is null);
    }

    [Theory]
    [InlineData("""{"format":"email","email":"JDoe@Example.com"}""", """{"format":"email","email":"jdoe@example.com"}""", true)]
    [InlineData("""{"format":"email","email":"jdoe@example.com"}""", """{"format":"email","email":"other@example.com"}""", false)]
    [InlineData("""{"format":"opaque","id":"a"}""", """{"format":"email","email":"a"}""", false)]
    [InlineData("""{"format":"email","email":"jdoe@example.com"}""", """{"format":"complex","user":{"format":"email","email":"jdoe@example.com"},"tenant":{"format":"opaque","id":"t"}}""", true)]
    [InlineData("""{"format":"complex","tenant":{"format":"opaque","id":"t"}}""", """{"format":"complex","user":{"format":"email","email":"x@example.com"}}""", false)]
    public void Matches_MorePairs_MatchesAsDefined(string added, string eventSubject, bool expected)
    {
        Assert.Equal(expected, SubjectMatcher.Matches(JsonDocument.Parse(added).RootElement, JsonDocument.Parse(eventSubject).RootElement));
    }

    [Theory]
    [InlineData("ssf-subject-identifier-ip-addresses.json")]
    [InlineData("ssf-subject-identifier-jwt_id.json")]
    [InlineData("ssf-subject-identifier-saml_assertion_id.json")]
    public void Validate_SubjectIdentifierFragment_WellFormed(string file)
    {
        Assert.Null(SubjectIdentifierRules.Validate(JsonDocument.Parse(File.ReadAllText(RepositoryFiles.Conformance("caep", "fragments", file))).RootElement));
    }

    [Fact]
    public void NormaliseLegacy_PhoneSubjectType_BecomesPhoneNumberFormat()
    {
        var legacy = JsonDocument.Parse("""{"subject_type":"phone","phone":"+12065550123"}""").RootElement;

        var subject = SubjectIdentifierRules.NormaliseLegacy(legacy);

        Assert.Equal("phone_number", SubjectIdentifierRules.FormatOf(subject));
        Assert.Equal("+12065550123", SubjectIdentifierRules.MemberString(subject, "phone_number"));
    }

    [Theory]
    [InlineData("+1 206 555 0123", "+12065550123")]
    [InlineData("(206) 555-0123", "2065550123")]
    public void NormalisePhone_Punctuated_DigitsOnly(string phone, string expected)
    {
        Assert.Equal(expected, SubjectKey.NormalisePhone(phone));
    }

    private static JsonElement Read(string file) => JsonDocument.Parse(File.ReadAllText(RepositoryFiles.Conformance("caep", "subject-matching", file))).RootElement;
}
