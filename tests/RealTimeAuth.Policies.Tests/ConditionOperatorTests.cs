namespace RealTimeAuth.Policies.Tests;

/// <summary>Each operator, function and macro on <see cref="TestRequests.Full"/>.</summary>
public sealed class ConditionOperatorTests
{
    [Theory]
    [InlineData("subject.id == 'alice'", true)]
    [InlineData("subject.id == 'Alice'", false)]
    [InlineData("subject.id != 'bob'", true)]
    [InlineData("subject.id != 'alice'", false)]
    [InlineData("'apple' < 'banana'", true)]
    [InlineData("'b' <= 'a'", false)]
    [InlineData("subject.email > 'aaa'", true)]
    [InlineData("subject.email >= 'b'", false)]
    [InlineData("subject.assurance_level >= 2", true)]
    [InlineData("subject.assurance_level > 2", false)]
    [InlineData("subject.assurance_level < 3", true)]
    [InlineData("subject.assurance_level <= 1", false)]
    [InlineData("1.5 < 2.25", true)]
    [InlineData("2.0 == 2.0", true)]
    [InlineData("-1 < 0", true)]
    [InlineData("-subject.assurance_level == -2", true)]
    [InlineData("-(-2.5) == 2.5", true)]
    [InlineData("-9223372036854775808 < -9223372036854775807", true)]
    [InlineData("0x1F == 31", true)]
    [InlineData("1e3 == 1000.0", true)]
    [InlineData("subject.device_compliant == true", true)]
    [InlineData("subject.device_compliant != true", false)]
    public void Comparison_OnFullRequest_GivesExpected(string condition, bool expected) =>
        Assert.Equal(expected, Conditions.Evaluate(condition, TestRequests.Full()));

    [Theory]
    [InlineData("'editor' in subject.roles", true)]
    [InlineData("'admin' in subject.roles", false)]
    [InlineData("subject.id in ['bob', 'alice']", true)]
    [InlineData("subject.id in ['bob', 'carol']", false)]
    [InlineData("subject.id in ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'alice']", true)]
    [InlineData("subject.id in ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j']", false)]
    [InlineData("context.delegation.depth in [0, 1]", true)]
    [InlineData("2.5 in [1.5, 2.5]", true)]
    [InlineData("true in [false]", false)]
    [InlineData("'ownerID' in resource.properties", true)]
    [InlineData("'owner' in resource.properties", false)]
    [InlineData("subject.email in [subject.id, resource.properties.ownerID]", true)]
    public void In_OnFullRequest_GivesExpected(string condition, bool expected) =>
        Assert.Equal(expected, Conditions.Evaluate(condition, TestRequests.Full()));

    [Theory]
    [InlineData("true && true", true)]
    [InlineData("true && false", false)]
    [InlineData("false || true", true)]
    [InlineData("false || false", false)]
    [InlineData("!false", true)]
    [InlineData("!!true", true)]
    [InlineData("true || false && false", true)]
    [InlineData("(true || false) && false", false)]
    [InlineData("!(subject.id == 'alice') || subject.email == 'alice@example.com'", true)]
    [InlineData("subject.device_compliant ? subject.id == 'alice' : false", true)]
    [InlineData("(subject.assurance_level > 2 ? 'strong' : 'weak') == 'weak'", true)]
    [InlineData("null == null", true)]
    [InlineData("null != null", false)]
    public void Logic_OnFullRequest_GivesExpected(string condition, bool expected) =>
        Assert.Equal(expected, Conditions.Evaluate(condition, TestRequests.Full()));

    [Theory]
    [InlineData("subject.email.startsWith('alice@')", true)]
    [InlineData("subject.email.startsWith('bob')", false)]
    [InlineData("subject.email.endsWith('@example.com')", true)]
    [InlineData("subject.email.endsWith('.org')", false)]
    [InlineData("subject.email.contains('@')", true)]
    [InlineData("subject.email.contains('#')", false)]
    [InlineData("context.request.ip.startsWith('10.')", true)]
    [InlineData("size(subject.roles) == 2", true)]
    [InlineData("subject.roles.size() == 2", true)]
    [InlineData("size(resource.properties) == 2", true)]
    [InlineData("size('héllo') == 5", true)]
    [InlineData("size('\\U0001F600') == 1", true)]
    [InlineData("subject.id.size() == 5", true)]
    [InlineData("'a\\'b' == \"a'b\"", true)]
    [InlineData("'\\u00e9\\x41\\n' == 'éA\\n'", true)]
    public void StringsAndSize_OnFullRequest_GiveExpected(string condition, bool expected) =>
        Assert.Equal(expected, Conditions.Evaluate(condition, TestRequests.Full()));

    [Theory]
    [InlineData("subject.roles.exists(r, r == 'staff')", true)]
    [InlineData("subject.roles.exists(r, r == 'admin')", false)]
    [InlineData("subject.roles.all(r, r.size() >= 5)", true)]
    [InlineData("subject.roles.all(r, r.startsWith('e'))", false)]
    [InlineData("context.chain.exists(a, a == 'portal-1')", true)]
    [InlineData("context.chain.all(a, a.contains('-'))", true)]
    [InlineData("[1, 2, 3].all(n, n > 0)", true)]
    [InlineData("[1, 2, 3].exists(n, n == context.delegation.depth)", true)]
    [InlineData("subject.roles.exists(r, context.chain.exists(a, a == r))", false)]
    [InlineData("subject.roles.exists(r, ['staff', 'x'].exists(r2, r2 == r))", true)]
    [InlineData("subject.roles.exists(x, [1, 2].exists(x, x == 2))", true)]
    [InlineData("subject.roles.exists(x, [1, 2].exists(y, y == 2) && x == 'staff')", true)]
    public void Macros_OnFullRequest_GiveExpected(string condition, bool expected) =>
        Assert.Equal(expected, Conditions.Evaluate(condition, TestRequests.Full()));

    [Theory]
    [InlineData("subject.risk_level == 'low'", true)]
    [InlineData("subject.risk_level < 'medium'", true)]
    [InlineData("subject.risk_level >= 'medium'", false)]
    [InlineData("'high' > subject.risk_level", true)]
    [InlineData("subject.risk_level in ['low', 'medium']", true)]
    [InlineData("subject.assurance_level >= 2 && subject.device_compliant", true)]
    [InlineData("context.time_of_day >= 540 && context.time_of_day < 1020", true)]
    [InlineData("context.day_of_week == 1", true)]
    [InlineData("context.agent.kind == 'assistant' && context.agent.id == 'copilot-7'", true)]
    [InlineData("context.delegation.depth <= 1", true)]
    [InlineData("resource.type == 'document' && resource.id == 'doc-1' && action.name == 'read'", true)]
    [InlineData("resource.properties.ownerID == subject.email", true)]
    [InlineData("resource.properties['ownerID'] == subject.email", true)]
    [InlineData("subject.attributes.department == 'eng'", true)]
    [InlineData("subject.roles[0] == 'editor'", true)]
    [InlineData("resource.properties[subject.attributes.missing] == 'x' || true", true)]
    public void Attributes_OnFullRequest_GiveExpected(string condition, bool expected) =>
        Assert.Equal(expected, Conditions.Evaluate(condition, TestRequests.Full()));

    [Fact]
    public void TimeOfDay_AtLastMinuteOfDay_Is1439()
    {
        var request = TestRequests.Request(time: new DateTimeOffset(2026, 1, 5, 23, 59, 59, TimeSpan.FromHours(-5)));

        Assert.Equal(true, Conditions.Evaluate("context.time_of_day == 299 && context.day_of_week == 2", request));
    }
}
