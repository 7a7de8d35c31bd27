using System.Globalization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using RealTimeAuth.Admin.Api.Models;
using RealTimeAuth.Admin.Live;

namespace RealTimeAuth.Admin.Components.Pages.Overview;

public sealed partial class OverviewPage : IDisposable
{
    private const int ChartMinutes = 5;
    private MonitoringStats? _stats;
    private List<ChartSeries<double>> _series = [];
    private string[] _labels = [];
    private IDisposable? _subscription;
    private RenderThrottle? _throttle;

    [Inject]
    private AdminStreamClient Stream { get; set; } = default!;

    protected override void OnInitialized()
    {
        _throttle = new RenderThrottle(() => InvokeAsync(Refresh), RenderThrottle.Default, DispatchExceptionAsync);
        _subscription = Stream.SubscribeStats(OnStats);
        Stream.EnsureStarted();
        Refresh();
    }

    private void OnStats(MonitoringStats stats) => _throttle?.Request();

    private void Refresh()
    {
        _stats = Stream.LatestStats;
        var history = Stream.RecentStats;
        _series =
        [
            new() { Name = "Sessions", Data = new ChartData<double>(history.Select(s => (double)s.Sessions).ToList()) },
            new() { Name = "Decisions/s", Data = new ChartData<double>(history.Select(s => s.DecisionsPerSecond).ToList()) },
            new() { Name = "Revocations/s", Data = new ChartData<double>(history.Select(s => s.RevocationsPerSecond).ToList()) },
        ];
        _labels = history.Select((_, index) => (index - history.Count + 1) % 60 == 0 ? $"{(index - history.Count + 1) / 60}m" : "").ToArray();
        StateHasChanged();
    }

    private static string Rate(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Milliseconds(double? value) => value is { } ms ? ms.ToString("0.0", CultureInfo.InvariantCulture) + " ms" : "—";

    public void Dispose()
    {
        _subscription?.Dispose();
        _throttle?.Dispose();
    }
}
