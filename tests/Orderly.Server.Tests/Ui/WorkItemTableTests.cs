using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Orderly.Application.Common;
using Orderly.Application.Workflow;
using Orderly.Server.Ui;
using Orderly.Server.Ui.Components;

namespace Orderly.Server.Tests.Ui;

/// <summary>One work queue as the "My work" page shows it (bunit): states stand out, times on the business clock in the page's culture, only the offered action is a button.</summary>
public sealed class WorkItemTableTests : BunitContext
{
    private static readonly DateTimeOffset Due = new(2026, 12, 7, 5, 0, 0, TimeSpan.Zero); // 13:00 in Shanghai

    public WorkItemTableTests()
    {
        Services.AddMudServices();
        Services.AddLocalization();
        Services.AddSingleton(new UiClock(new BusinessClock(TimeProvider.System, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"))));
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void A_breached_row_stands_out_its_due_time_is_the_business_clocks_and_only_it_offers_a_claim()
    {
        using var _ = InCulture("en");
        var table = Render<WorkItemTable>(p => p
            .Add(t => t.Title, "Warehouse")
            .Add(t => t.Items, [Item(1, "breached", null), Item(2, "running", new PersonRef(Guid.NewGuid(), "Li"))])
            .Add(t => t.ActionFor, i => i.Assignee is null ? "claim" : null));

        table.FindAll("tr.work-item").Count.ShouldBe(2);
        table.Find("tr[data-item='1']").ClassList.ShouldContain("state-breached");
        table.Find("tr[data-item='1']").TextContent.ShouldContain("overdue");
        table.Find("tr[data-item='1']").TextContent.ShouldContain("12/7/2026 1:00", customMessage: "13:00 in Shanghai, in English (ICU puts a narrow space before PM)");
        table.Find("tr[data-item='1'] button").GetAttribute("value").ShouldBe("claim:1");
        table.FindAll("tr[data-item='2'] button").ShouldBeEmpty();
        table.Find("tr[data-item='2']").TextContent.ShouldContain("Li");
    }

    [Fact]
    public void In_chinese_the_headings_states_and_times_are_chinese_and_an_empty_queue_says_so()
    {
        using var _ = InCulture("zh-CN");
        var table = Render<WorkItemTable>(p => p.Add(t => t.Title, "仓库").Add(t => t.Items, [Item(1, "warned", null)]));
        var empty = Render<WorkItemTable>(p => p.Add(t => t.Title, "仓库").Add(t => t.Items, []));

        table.Find("thead").TextContent.ShouldContain("截止时间");
        table.Find("tr[data-item='1']").TextContent.ShouldContain("即将到期");
        table.Find("tr[data-item='1']").TextContent.ShouldContain("2026/12/7 13:00");
        table.FindAll("button").ShouldBeEmpty("no action offered");
        empty.Find(".empty-queue").TextContent.ShouldBe("暂无事项。");
    }

    private static WorkItemView Item(long id, string state, PersonRef? assignee) => new(
        id, Guid.NewGuid(), $"SO-2026-00000{id}", Guid.NewGuid(), "reserve", "warehouse", 5, null, assignee, null, "", Due.AddHours(-4), Due,
        Due.AddHours(-1), state, null, "", 480, null, 0, "", "standard", null, "");

    private static UiCulture InCulture(string name) => new(name);
}
