using Microsoft.AspNetCore.Components;
using MudBlazor;
using RealTimeAuth.Admin.Api;
using RealTimeAuth.Admin.Api.Models;
using RealTimeAuth.Admin.Components.Shared;
using RealTimeAuth.Admin.Policies;

namespace RealTimeAuth.Admin.Components.Pages.Policies;

public sealed partial class PoliciesPage
{
    private ApiResult<PolicyList>? _list;
    private ApiResult<WhatIfResult>? _whatIf;
    private IReadOnlyList<RuleChange>? _diff;
    private string? _diffError;
    private PolicyEditor? _editor;
    private int _left;
    private int _right;

    [Inject]
    private AdminApiClient Api { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    protected override Task OnInitializedAsync() => ReloadAsync();

    private async Task ReloadAsync()
    {
        _list = await Api.GetPoliciesAsync();
        if (_list.Value is { Versions.Count: > 0 } list)
        {
            _right = list.Versions[0].Version;
            _left = list.Versions.Count > 1 ? list.Versions[1].Version : _right;
        }
    }

    private async Task CompareAsync()
    {
        var left = await Api.GetPolicyAsync(_left);
        var right = await Api.GetPolicyAsync(_right);
        _diffError = left.IsOk && right.IsOk ? null : left.Error ?? right.Error;
        _diff = _diffError is null ? PolicyDiff.Compare(left.Value!.Document, right.Value!.Document) : null;
    }

    private async Task EditAsync(int version)
    {
        var policy = await Api.GetPolicyAsync(version);
        if (policy.Value is { } value)
        {
            await _editor!.LoadAsync(value.Document);
        }
        else
        {
            Snackbar.Add(policy.Error ?? "The version could not be read.", Severity.Error);
        }
    }

    private async Task WhatIfAsync(int version) => _whatIf = await Api.WhatIfAsync(version);

    private async Task PublishAsync(int version)
    {
        var parameters = new DialogParameters<ReasonDialog>
        {
            { dialog => dialog.Title, $"Publish version {version}" },
            { dialog => dialog.Message, "Live sessions are re-evaluated at once: some may be narrowed or revoked. Run what-if first." },
            { dialog => dialog.ConfirmText, "Publish" },
        };
        var dialog = await Dialogs.ShowAsync<ReasonDialog>("Publish", parameters);
        if (await dialog.Result is not { Canceled: false, Data: string reason })
        {
            return;
        }

        var result = await Api.PublishPolicyAsync(version, reason);
        if (result.Value is { } published)
        {
            Snackbar.Add($"Version {published.Version} published: {published.SessionsRefreshed} session(s) refreshed, {published.SessionsRevoked} revoked.", Severity.Success);
            await ReloadAsync();
        }
        else
        {
            Snackbar.Add(result.Error ?? "Publishing failed.", Severity.Error);
        }
    }
}
