using Microsoft.AspNetCore.Components;
using MudBlazor;
using RealTimeAuth.Admin.Api;
using RealTimeAuth.Admin.Api.Models;
using RealTimeAuth.Admin.Live;

namespace RealTimeAuth.Admin.Components.Pages.Sessions;

public sealed partial class SessionsPage : IDisposable
{
    private MudDataGrid<SessionSummary>? _grid;
    private ApiResult<SessionPage>? _error;
    private IDisposable? _subscription;
    private RenderThrottle? _throttle;
    private string? _user;
    private string? _agent;
    private string? _status;
    private string? _issuer;

    [Inject]
    private AdminApiClient Api { get; set; } = default!;

    [Inject]
    private AdminStreamClient Stream { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    protected override void OnInitialized()
    {
        // At most one reload a second however many sessions change: a burst becomes one query.
        _throttle = new RenderThrottle(() => InvokeAsync(Reload), TimeSpan.FromSeconds(1), DispatchExceptionAsync);
        _subscription = Stream.SubscribeEvents(OnEvents);
        Stream.EnsureStarted();
    }

    private void OnEvents(IReadOnlyList<AdminEvent> events)
    {
        if (events.Any(entry => entry.Type.StartsWith("session.", StringComparison.Ordinal) || entry.Type == "policy.published"))
        {
            _throttle?.Request();
        }
    }

    private async Task<GridData<SessionSummary>> LoadAsync(GridState<SessionSummary> state, CancellationToken cancellationToken)
    {
        var result = await Api.GetSessionsAsync(new SessionFilter(_user, _agent, _status, _issuer), state.Page, state.PageSize, cancellationToken);
        var error = result.IsOk ? null : result;
        if (error?.Status != _error?.Status)
        {
            // The grid renders itself; the page renders again only when the error banner appears or goes.
            _error = error;
            await InvokeAsync(StateHasChanged);
        }

        return result.Value is { } page ? new GridData<SessionSummary> { Items = page.Items, TotalItems = page.Total } : new GridData<SessionSummary> { Items = [], TotalItems = 0 };
    }

    private Task Reload() => _grid?.ReloadServerData() ?? Task.CompletedTask;

    private void Open(SessionSummary session) => Navigation.NavigateTo($"sessions/{session.Id}");

    public void Dispose()
    {
        _subscription?.Dispose();
        _throttle?.Dispose();
    }
}
