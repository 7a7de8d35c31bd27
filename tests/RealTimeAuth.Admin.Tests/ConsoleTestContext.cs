using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;
using MudBlazor.Services;
using RealTimeAuth.Admin.Api;
using RealTimeAuth.Admin.Auth;
using RealTimeAuth.Admin.Live;

namespace RealTimeAuth.Admin.Tests;

/// <summary>
/// A bUnit context with MudBlazor, the real <see cref="AdminApiClient"/> and <see cref="AdminStreamClient"/> over
/// <see cref="FakeAdminApi"/>, and a signed-in user with the given roles.
/// </summary>
public abstract class ConsoleTestContext : BunitContext, IAsyncLifetime
{
    protected ConsoleTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddSingleton(new AdminApiClient(new HttpClient(Api) { BaseAddress = new Uri("http://server.test/") }));
        Stream = new AdminStreamClient(new HttpClient(StreamHandler) { BaseAddress = new Uri("http://server.test/") }, TimeProvider.System, NullLogger<AdminStreamClient>.Instance);
        Services.AddSingleton(Stream);
    }

    protected FakeAdminApi Api { get; } = new();

    /// <summary>The stream endpoint: held open and silent; tests push messages through <see cref="AdminStreamClient"/> directly.</summary>
    protected FakeAdminApi StreamHandler { get; } = new FakeAdminApi().Hold("admin/v1/stream");

    protected AdminStreamClient Stream { get; }

    protected void SignIn(params string[] roles)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("admin@realtimeauth.dev");
        auth.SetRoles(roles);
        auth.SetPolicies(Policies(roles));
    }

    /// <summary>Where dialogs a page opens render; set by <see cref="RenderPage{TComponent}"/>.</summary>
    protected IRenderedComponent<MudDialogProvider>? Dialogs { get; private set; }

    protected IRenderedComponent<TComponent> RenderPage<TComponent>(Action<ComponentParameterCollectionBuilder<TComponent>>? parameters = null)
        where TComponent : IComponent
    {
        Render<MudPopoverProvider>();
        Dialogs = Render<MudDialogProvider>();
        Render<MudSnackbarProvider>();
        return Render(parameters ?? (_ => { }));
    }

    private static string[] Policies(string[] roles) =>
        roles.Contains(ConsolePolicies.AdminRole) ? [ConsolePolicies.Read, ConsolePolicies.Act]
        : roles.Contains(ConsolePolicies.AuditorRole) ? [ConsolePolicies.Read] : [];

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services are only asynchronously disposable: xunit disposes through here first.
    async Task IAsyncLifetime.DisposeAsync()
    {
        Api.Release();
        StreamHandler.Release();
        await Stream.DisposeAsync();
        await DisposeAsync();
    }
}
