using System.Net;
using System.Text.RegularExpressions;
using static Orderly.Server.Tests.Workflow.WorkJourneyTests;

namespace Orderly.Server.Tests.Ui;

/// <summary>The management dashboard (issue 12): a breached SLA shows, with its department and step marked; the order book by status; a date range; who may see it.</summary>
public sealed partial class DashboardPageTests
{
    [Fact]
    public async Task A_breached_sla_shows_on_the_dashboard_with_its_department_and_step_marked()
    {
        using var api = Api();
        api.Clock.MoveTo(Local(7, 9));
        await api.SeedAsync();
        await api.PlaceOrderAsync("ALFKI", ("CHAI", 2)); // sales' "enter", due 17:00
        var management = await UiBrowser.SignedInAsAsync(api, "mia@orderly.test", ["management"]);

        var (before, calm) = await management.GetAsync("/app/dashboard");
        before.StatusCode.ShouldBe(HttpStatusCode.OK);
        calm.ShouldContain("data-breaches=\"0\"");
        api.Clock.MoveTo(Local(7, 17, 1));
        (await api.Client.PostAsync("/api/workflow/sla-watch", ApiRequests.NoBody())).StatusCode.ShouldBe(HttpStatusCode.OK);

        var later = new UiBrowser(api); // the first session ended with the working day (the sign-in cookie's lifetime)
        await later.SignInAsync("mia@orderly.test", UiBrowser.Password);
        var (_, html) = await later.GetAsync("/app/dashboard");
        html.ShouldContain("data-breaches=\"1\"");
        html.ShouldContain("1 open SLA breaches");
        BreachedRow().Match(html).Groups[1].Value.ShouldBe("sales", "the department whose step breached is marked");
        html.ShouldContain("<tr data-step=\"enter\" class=\"state-breached\">");
        html.ShouldContain("<svg", customMessage: "the charts are drawn on the server, as SVG");
        html.ShouldContain("Draft", customMessage: "the order book by status labels the chart");
    }

    [Fact]
    public async Task The_range_is_checked_and_a_role_without_the_figures_is_told_so()
    {
        using var api = Api();
        await api.SeedAsync();
        var management = await UiBrowser.SignedInAsAsync(api, "mia@orderly.test", ["management"]);
        var customer = await UiBrowser.SignedInAsAsync(api, "buyer@alfki.example", ["customer"], "ALFKI");

        var (wide, wideHtml) = await management.GetAsync("/app/dashboard?from=2024-01-01&to=2026-12-01");
        var (garbled, garbledHtml) = await management.GetAsync("/app/dashboard?from=yesterday");
        var (_, refused) = await customer.GetAsync("/app/dashboard");

        (wide.StatusCode, wideHtml.Contains("The range spans at most 366 days; narrow from and to.")).ShouldBe((HttpStatusCode.BadRequest, true));
        (garbled.StatusCode, garbledHtml.Contains("Write the dates as yyyy-MM-dd")).ShouldBe((HttpStatusCode.BadRequest, true));
        refused.ShouldContain("Your roles do not include the process figures.");
    }

    [GeneratedRegex("<tr data-department=\"([^\"]+)\" class=\"state-breached\">")]
    private static partial Regex BreachedRow();
}
