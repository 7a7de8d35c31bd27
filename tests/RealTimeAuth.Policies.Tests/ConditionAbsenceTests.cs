namespace RealTimeAuth.Policies.Tests;

/// <summary>
/// Absent values: an optional attribute the request lacks, a missing map key, an index out of range.
/// They make a comparison unevaluable (null here), which &amp;&amp;, ||, exists and all absorb where
/// the other operands decide, and which has() and == null turn into a value.
/// </summary>
public sealed class ConditionAbsenceTests
{
    [Theory]
    [InlineData("has(subject.email)", true)]
    [InlineData("has(subject.risk_level)", true)]
    [InlineData("has(resource.properties.ownerID)", true)]
    [InlineData("has(resource.properties.missing)", false)]
    [InlineData("has(resource.properties['ownerID'])", true)]
    [InlineData("has(context.request.ip)", true)]
    [InlineData("has(subject.roles)", true)]
    [InlineData("subject.email != null", true)]
    [InlineData("resource.properties.missing == null", true)]
    [InlineData("has(resource.properties.missing) && resource.properties.missing == 'x'", false)]
    [InlineData("resource.properties.missing == 'x' || true", true)]
    [InlineData("true || resource.properties.missing == 'x'", true)]
    [InlineData("false && resource.properties.missing == 'x'", false)]
    [InlineData("resource.properties.missing == 'x' && false", false)]
    [InlineData("subject.roles.exists(r, r == 'staff' || resource.properties.missing == r)", true)]
    [InlineData("subject.roles.all(r, r == 'nobody' && resource.properties.missing == r)", false)]
    public void Absence_AbsorbedOrTested_GivesValue(string condition, bool expected) =>
        Assert.Equal(expected, Conditions.Evaluate(condition, TestRequests.Full()));

    [Theory]
    [InlineData("resource.properties.missing == 'x'")]
    [InlineData("resource.properties.missing != 'x'")]
    [InlineData("!(resource.properties.missing == 'x')")]
    [InlineData("resource.properties.missing.startsWith('x')")]
    [InlineData("size(resource.properties.missing) > 0")]
    [InlineData("resource.properties.missing == 'x' || false")]
    [InlineData("true && resource.properties.missing == 'x'")]
    [InlineData("subject.roles[5] == 'x'")]
    [InlineData("subject.roles[-1] == 'x'")]
    [InlineData("(resource.properties.missing == 'x' ? true : false)")]
    [InlineData("subject.roles.exists(r, resource.properties.missing == r)")]
    public void Absence_Unabsorbed_CannotBeEvaluated(string condition) =>
        Assert.Null(Conditions.Evaluate(condition, TestRequests.Full()));

    [Theory]
    [InlineData("has(subject.email)")]
    [InlineData("has(subject.risk_level)")]
    [InlineData("has(subject.assurance_level)")]
    [InlineData("has(subject.device_compliant)")]
    [InlineData("has(context.agent.id)")]
    [InlineData("has(context.agent.kind)")]
    [InlineData("has(context.delegation.depth)")]
    [InlineData("has(context.time_of_day)")]
    [InlineData("has(context.day_of_week)")]
    [InlineData("has(context.request.ip)")]
    public void OptionalAttribute_OnBareRequest_IsAbsent(string condition)
    {
        var request = TestRequests.Request(subject: TestRequests.Bare, resourceId: null);

        Assert.Equal(false, Conditions.Evaluate(condition, request));
    }

    [Theory]
    [InlineData("size(context.chain) == 0", true)]
    [InlineData("size(subject.roles) == 0", true)]
    [InlineData("size(subject.attributes) == 0", true)]
    [InlineData("has(resource.id)", false)]
    [InlineData("context.agent.kind == 'assistant'", null)]
    [InlineData("subject.risk_level < 'high'", null)]
    public void BareRequest_ListsAndMapsPresentScalarsAbsent_GivesExpected(string condition, bool? expected)
    {
        var request = TestRequests.Request(subject: TestRequests.Bare, resourceId: null);

        Assert.Equal(expected, Conditions.Evaluate(condition, request));
    }

    [Fact]
    public void RiskLevel_OutsideItsValues_HasNoRank()
    {
        var subject = new RealTimeAuth.Policies.PolicySubject { Type = "user", Id = "x", RiskLevel = "critical" };

        Assert.Null(Conditions.Evaluate("subject.risk_level > 'low'", TestRequests.Request(subject: subject)));
    }
}
