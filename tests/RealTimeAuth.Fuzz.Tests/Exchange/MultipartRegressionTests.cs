using System.Text;
using Microsoft.AspNetCore.Http;
using RealTimeAuth.Server.Exchange;

namespace RealTimeAuth.Fuzz.Tests.Exchange;

/// <summary>
/// Found by the exchange target (seed 1NwO5cRDLLh7): the token endpoint accepted any form content type, and a
/// multipart body without its closing boundary threw <see cref="IOException"/> from the multipart reader, a 500. Only
/// <c>application/x-www-form-urlencoded</c> is read now (RFC 6749 §3.2); anything else is <c>form-required</c>.
/// </summary>
public sealed class MultipartRegressionTests
{
    [Theory]
    [InlineData("multipart/form-data; boundary=x", "8I?Y|[=Xo-C_bSP#{7-85h9[\"GO\\Rl/~o`d&!,^Xz\"i*)(.(z?r,pfz]-xbySzhZ9LRGZ$[.~DGL:zoqVCT:Q$4@5TDDROM42)R9e[6'HZ2.v4zwic")]
    [InlineData("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"grant_type\"\r\n\r\nurn")]
    [InlineData("multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"grant_type\"\r\n\r\nurn:ietf:params:oauth:grant-type:token-exchange\r\n--x--\r\n")]
    [InlineData("text/plain", "grant_type=x")]
    [InlineData("application/x-www-form-urlencodedx", "grant_type=x")]
    public async Task ReadAsync_NotUrlEncoded_IsFormRequired(string contentType, string body)
    {
        var (form, error) = await ExchangeForm.ReadAsync(Request(contentType, body), CancellationToken.None);

        Assert.Null(form);
        Assert.Equal("invalid_request", error!.Value.Error);
        Assert.Equal(ExchangeRejectionReasons.FormRequired, error.Reason);
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("Application/X-WWW-Form-UrlEncoded; charset=utf-8")]
    public async Task ReadAsync_UrlEncoded_ReadsTheForm(string contentType)
    {
        var (form, error) = await ExchangeForm.ReadAsync(Request(contentType, "grant_type=g&scope=a+b"), CancellationToken.None);

        Assert.Null(error);
        Assert.Equal("a b", form!["scope"].ToString());
    }

    private static HttpRequest Request(string contentType, string body)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = HttpMethods.Post;
        context.Request.ContentType = contentType;
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        return context.Request;
    }
}
