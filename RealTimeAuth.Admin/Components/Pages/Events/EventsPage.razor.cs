using Microsoft.AspNetCore.Components;
using RealTimeAuth.Admin.Api;
using RealTimeAuth.Admin.Api.Models;
using RealTimeAuth.Admin.Live;

namespace RealTimeAuth.Admin.Components.Pages.Events;

public sealed partial class EventsPage : IDisposable
{
    private static readonly string[] EventTypes =
        ["session.created", "session.revoked", "session.context_changed", "keys.changed", "policy.published", "directory.imported", "resources.imported"];

    private ApiResult<AdminEventPage>? _page;
    private List<AdminEvent> _items = [];
    private IDisposable? _subscription;
    private RenderThrottle? _throttle;
    private string? _type;
    private string? _actor;
    private bool _live = true;

    [Inject]
    private AdminApiClient Api { get; set; } = default!;

    [Inject]
    private AdminStreamClient Stream { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _throttle = new RenderThrottle(() => InvokeAsync(StateHasChanged), RenderThrottle.Default, DispatchExceptionAsync);
        _subscription = Stream.SubscribeEvents(OnEvents);
        Stream.EnsureStarted();
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _page = await Api.GetEventsAsync(new EventFilter(_type, _actor));
        _items = _page.Value?.Items.ToList() ?? [];
    }

    private async Task MoreAsync()
    {
        var older = await Api.GetEventsAsync(new EventFilter(_type, _actor, _page?.Value?.Next));
        if (older.Value is { } page)
        {
            _items.AddRange(page.Items);
        }

        _page = older.IsOk ? older : _page;
    }

    // The stream's batches arrive on its own thread; the list is read and swapped on the render thread.
    private void OnEvents(IReadOnlyList<AdminEvent> events) =>
        _ = BackgroundWork.RunAsync(() => InvokeAsync(() => Merge(events)), DispatchExceptionAsync);

    private void Merge(IReadOnlyList<AdminEvent> events)
    {
        if (!_live || _page?.IsOk != true)
        {
            return;
        }

        var known = _items.Count == 0 ? 0 : _items[0].Sequence;
        var fresh = events.Where(entry => entry.Sequence > known && Matches(entry)).OrderByDescending(entry => entry.Sequence);
        _items = fresh.Concat(_items).Take(1000).ToList();
        _throttle?.Request();
    }

    private bool Matches(AdminEvent entry) =>
        (string.IsNullOrEmpty(_type) || entry.Type == _type)
        && (string.IsNullOrEmpty(_actor) || entry.Actor?.Contains(_actor, StringComparison.OrdinalIgnoreCase) == true);

    public void Dispose()
    {
        _subscription?.Dispose();
        _throttle?.Dispose();
    }
}
