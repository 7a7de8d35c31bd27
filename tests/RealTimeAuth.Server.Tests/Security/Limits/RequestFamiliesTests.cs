using Microsoft.AspNetCore.Http;
using RealTimeAuth.Server.Limits;

namespace RealTimeAuth.Server.Tests.Security.Limits;

public sealed class RequestFamiliesTests
{
    [Theory]
    [InlineData("POST", "/admin/v1/policies")]
    [InlineData("PUT", "/admin/v1/directory")]
    [InlineData("PUT", "/admin/v1/resources")]
    [InlineData("PUT", "/admin/v1/resources/")]
    public void DirectoryAndPolicyImports_AreAdminDocuments(string method, string path) =>
        Assert.Equal(RequestFamily.AdminDocument, RequestFamilies.Of(Request(method, path)));

    [Theory]
    [InlineData("POST", "/oauth/token", "Token")]
    [InlineData("POST", "/admin/v1/sessions/x/revoke", "AdminWrite")]
    [InlineData("GET", "/admin/v1/resources", "Other")]
    public void OtherEndpoints_KeepTheirFamily(string method, string path, string family) =>
        Assert.Equal(family, RequestFamilies.Of(Request(method, path)).ToString());

    private static HttpRequest Request(string method, string path)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        return context.Request;
    }
}
