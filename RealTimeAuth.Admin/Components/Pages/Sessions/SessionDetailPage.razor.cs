using Microsoft.AspNetCore.Components;
using MudBlazor;
using RealTimeAuth.Admin.Api;
using RealTimeAuth.Admin.Api.Models;
using RealTimeAuth.Admin.Components.Shared;
using RealTimeAuth.Admin.Live;

namespace RealTimeAuth.Admin.Components.Pages.Sessions;

public sealed partial class SessionDetailPage : IDisposable
{
    private readonly List<BreadcrumbItem> _crumbs = [new("Sessions", "sessions"), new("Session", null, disabled: true)];
    private ApiResult<SessionDetail>? _detail;
    private ApiResult<DecisionPage>? _decisions;
    private List<AdminEvent> _history = [];
    private IDisposable? _subscription;
    private RenderThrottle? _throttle;
    private bool _busy;

    [Parameter]
    public Guid Id { get; set; }

    [Inject]
    private AdminApiClient Api { get; set; } = default!;

    [Inject]
    private AdminStreamClient Stream { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override void OnInitialized()
    {
        _throttle = new RenderThrottle(() => InvokeAsync(LoadAsync), RenderThrottle.Default, DispatchExceptionAsync);
        _subscription = Stream.SubscribeEvents(OnEvents);
        Stream.EnsureStarted();
    }

    protected override Task OnParametersSetAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _detail = await Api.GetSessionAsync(Id);
        if (_detail.Value is { } detail)
        {
            var ids = detail.Tree.Select(session => session.Id).ToHashSet();
            _history = Stream.RecentEvents.Where(entry => entry.SessionIds?.Any(ids.Contains) == true).Take(50).ToList();
            _decisions ??= await Api.GetDecisionsAsync(new DecisionFilter(User: detail.Session.Subject, Agent: detail.Session.AgentId, Limit: 20));
        }

        StateHasChanged();
    }

    private void OnEvents(IReadOnlyList<AdminEvent> events)
    {
        if (_detail?.Value is { } detail && events.Any(entry => entry.SessionIds?.Any(id => detail.Tree.Any(session => session.Id == id)) == true))
        {
            _throttle?.Request();
        }
    }

    private static List<SessionSummary> ActiveChildren(SessionDetail detail) => detail.Children.Where(child => child.IsActive).ToList();

    private async Task RevokeSessionAsync()
    {
        var detail = _detail!.Value!;
        if (await AskReasonAsync("Revoke this session", $"Ends {detail.Session.AgentId} and every agent it delegated to, at once, on every stream.", "Revoke") is { } reason)
        {
            await RunAsync(() => Api.RevokeSessionAsync(Id, reason), "Session revoked");
        }
    }

    private async Task RevokeSubtreeAsync()
    {
        var children = ActiveChildren(_detail!.Value!);
        if (await AskReasonAsync("Revoke the delegates", $"Ends the {children.Count} agent(s) this session delegated to, and theirs; this session stays.", "Revoke delegates") is { } reason)
        {
            foreach (var child in children)
            {
                if (!await RunAsync(() => Api.RevokeSessionAsync(child.Id, reason), $"Revoked {child.AgentId}"))
                {
                    break;
                }
            }
        }
    }

    private async Task RevokeUserAsync()
    {
        var session = _detail!.Value!.Session;
        if (await AskReasonAsync("Revoke every session of the user", $"Ends all sessions of {session.Subject} at {session.Issuer}, for every agent.", "Revoke all") is { } reason)
        {
            await RunAsync(() => Api.RevokeUserAsync(session.Issuer, session.Subject, reason), "All of the user's sessions revoked");
        }
    }

    private async Task<string?> AskReasonAsync(string title, string message, string confirm)
    {
        var parameters = new DialogParameters<ReasonDialog>
        {
            { dialog => dialog.Title, title },
            { dialog => dialog.Message, message },
            { dialog => dialog.ConfirmText, confirm },
        };
        var dialog = await Dialogs.ShowAsync<ReasonDialog>(title, parameters);
        var result = await dialog.Result;
        return result is { Canceled: false, Data: string reason } ? reason : null;
    }

    private async Task<bool> RunAsync(Func<Task<ApiResult<RevocationResponse>>> action, string success)
    {
        _busy = true;
        try
        {
            var result = await action();
            if (result.Value is { } revoked)
            {
                Snackbar.Add($"{success}: {revoked.RevokedSessionIds.Count} session(s), event {revoked.EventSequence}.", Severity.Success);
                await LoadAsync();
                return true;
            }

            Snackbar.Add(result.Error ?? "The revocation failed.", Severity.Error);
            return false;
        }
        finally
        {
            _busy = false;
        }
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _throttle?.Dispose();
    }
}
