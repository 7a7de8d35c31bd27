using RealTimeAuth.Server.Authorization.Audit;

namespace RealTimeAuth.Server.Tests.DecisionAudit;

public sealed class DecisionAuditCsvTests
{
    [Theory]
    [InlineData("alice", "alice")]
    [InlineData("doc 1", "doc 1")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\r\nlines", "\"two\r\nlines\"")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Field_QuotesWhatRfc4180Requires(string? value, string expected) => Assert.Equal(expected, DecisionAuditCsv.Field(value));

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"x\")", "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"")]
    [InlineData("+1+cmd|' /C calc'!A0", "\"'+1+cmd|' /C calc'!A0\"")]
    [InlineData("-2+3", "\"'-2+3\"")]
    [InlineData("@SUM(A1:A9)", "\"'@SUM(A1:A9)\"")]
    [InlineData("\t=1", "\"'\t=1\"")]
    [InlineData("\r=1", "\"'\r=1\"")]
    public void Field_ThatASpreadsheetWouldEvaluate_IsWrittenAsText(string value, string expected) =>
        Assert.Equal(expected, DecisionAuditCsv.Field(value));

    [Fact]
    public void Write_PutsTheHeaderFirstAndOneCrlfLinePerDecision()
    {
        var item = new DecisionAuditItem(
            7, new DateTimeOffset(2026, 11, 29, 1, 2, 3, TimeSpan.Zero), null, "=cmd", ["copilot", "reader"], "read", "document", "d-1",
            "deny", "v3", "no-rule-matched", "authzen", ["jkt-root", "jkt-reader"]);

        var csv = DecisionAuditCsv.Write([item]);

        Assert.Equal(
            DecisionAuditCsv.Header + "\r\n" + "7,2026-11-29T01:02:03.0000000Z,,\"'=cmd\",copilot reader,read,document,d-1,deny,v3,no-rule-matched,authzen,jkt-root jkt-reader,false\r\n",
            csv);
    }

    [Fact]
    public void Write_FlagsATruncatedRow()
    {
        var item = new DecisionAuditItem(
            8, new DateTimeOffset(2026, 12, 7, 1, 2, 3, TimeSpan.Zero), null, "rick", ["copilot"], "read", "document", "d-2",
            "allow", "v3", "rule", "live", [], Truncated: true);

        var line = DecisionAuditCsv.Write([item]).Split("\r\n")[1];

        Assert.EndsWith(",live,,true", line, StringComparison.Ordinal);
        Assert.EndsWith(",truncated", DecisionAuditCsv.Header, StringComparison.Ordinal);
    }
}
