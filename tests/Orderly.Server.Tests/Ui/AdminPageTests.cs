using System.Net;
using System.Net.Http.Json;
using Orderly.Application.People;
using Orderly.Application.Procurement;
using Orderly.Application.Workflow;

namespace Orderly.Server.Tests.Ui;

/// <summary>
/// The administration pages (issue 12 "Administration"): allocation rules with their dry run, SLAs and calendars, users
/// and roles, master data — each change made through the page as the API makes it, refusals under their fields, and
/// each page closed to those without its permission.
/// </summary>
public sealed class AdminPageTests
{
    [Fact]
    public async Task Management_adds_an_allocation_rule_tries_it_on_an_order_and_removes_it()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var reviewer = (await NewUserAsync(api, "rita@orderly.test", "review")).Id;
        var order = await api.RunAsync((await api.PlaceOrderAsync("ALFKI", ("CHAI", 1))).Id, "submit");
        var management = await UiBrowser.SignedInAsAsync(api, "mia@orderly.test", ["management"]);
        const string path = "/app/admin/allocation";

        var (_, page) = await management.GetAsync(path);
        page.ShouldContain("No rules: each step goes to its whole department.");
        page.ShouldContain("rita@orderly.test", customMessage: "the review department's people are offered as checkboxes");
        var (refused, refusedHtml) = await management.PostAsync(path, page, "rule-create", ("name", "Alfreds"), ("department", "review"),
            ("customerCode", "NOPE"));
        (refused.StatusCode, refusedHtml.Contains("No customer has code NOPE.")).ShouldBe((HttpStatusCode.BadRequest, true));
        refusedHtml.ShouldContain("value=\"Alfreds\"", customMessage: "what was typed is shown again");
        var (wrongPerson, wrongPersonHtml) = await management.PostAsync(path, page, "rule-create", ("name", "Stock desk"), ("department", "warehouse"),
            ("people", reviewer.ToString()));
        (wrongPerson.StatusCode, wrongPersonHtml.Contains("does not hold the warehouse role")).ShouldBe((HttpStatusCode.BadRequest, true), "the error of people[0], under People");
        wrongPersonHtml.ShouldContain($"value=\"{reviewer}\" checked", customMessage: "the person ticked stays ticked");
        var (added, addedHtml) = await management.PostAsync(path, page, "rule-create", ("name", "Alfreds"), ("department", "review"),
            ("people", reviewer.ToString()), ("customerCode", "ALFKI"), ("position", "10"));
        added.StatusCode.ShouldBe(HttpStatusCode.OK, addedHtml);
        addedHtml.ShouldContain("Rule 'Alfreds' saved.");
        var rule = (await api.GetAsync<List<AllocationRuleView>>("/api/workflow/allocation-rules")).ShouldHaveSingleItem();
        (rule.Name, rule.Department, rule.Position, rule.People.Single().Name).ShouldBe(("Alfreds", "review", 10, "rita@orderly.test"));

        addedHtml.ShouldContain("customer ALFKI", customMessage: "the criteria name the customer by its code");
        var (_, tried) = await management.PostAsync(path, addedHtml, "dry-run", ("order", order.Number), ("step", "review"));
        tried.ShouldContain("Would go to");
        tried.ShouldContain("Alfreds (customer ALFKI)", customMessage: "the rule that decides, with its criteria");
        tried.ShouldContain("<dd class=\"would-go\">rita@orderly.test</dd>");
        var (_, unknown) = await management.PostAsync(path, addedHtml, "dry-run", ("order", "SO-NOPE"));
        unknown.ShouldContain("No order is numbered SO-NOPE.");

        var (_, deleted) = await management.PostAsync(path, addedHtml, "rule-delete", ("rule", rule.Id.ToString()));
        deleted.ShouldContain("Rule deleted.");
        (await api.GetAsync<List<AllocationRuleView>>("/api/workflow/allocation-rules")).ShouldBeEmpty();
    }

    [Fact]
    public async Task Management_sets_an_sla_and_a_calendar_and_a_bad_date_or_calendar_is_refused_under_its_field()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var management = await UiBrowser.SignedInAsAsync(api, "mia@orderly.test", ["management"]);
        const string path = "/app/admin/slas";
        var (_, page) = await management.GetAsync(path);
        page.ShouldContain("default");

        var (badDate, badDateHtml) = await management.PostAsync(path, page, "calendar-put", ("code", "cn"), ("name", "China"), ("timeZone", "Asia/Shanghai"),
            ("hours.monday", "09:00-18:00"), ("holidays", "2026-10-01, 1.10.2026"));
        (badDate.StatusCode, badDateHtml.Contains("'1.10.2026' is not a date")).ShouldBe((HttpStatusCode.BadRequest, true));
        var (calendar, calendarHtml) = await management.PostAsync(path, page, "calendar-put", ("code", "cn"), ("name", "China"), ("timeZone", "Asia/Shanghai"),
            ("hours.monday", "09:00-12:00, 13:00-18:00"), ("hours.tuesday", "09:00-18:00"), ("holidays", "2026-10-01 2026-10-02"));
        calendar.StatusCode.ShouldBe(HttpStatusCode.OK, calendarHtml);
        var stored = (await api.GetAsync<List<CalendarView>>("/api/workflow/calendars")).Single(c => c.Code == "cn");
        stored.Hours["monday"].ShouldBe(["09:00-12:00", "13:00-18:00"]);
        stored.Holidays.ShouldBe([new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 2)]);

        var (unknownCalendar, unknownHtml) = await management.PostAsync(path, calendarHtml, "sla-put", ("step", "review"), ("budgetMinutes", "120"),
            ("calendar", "mars"));
        (unknownCalendar.StatusCode, unknownHtml.Contains("No business calendar has code 'mars'")).ShouldBe((HttpStatusCode.BadRequest, true));
        var (sla, slaHtml) = await management.PostAsync(path, calendarHtml, "sla-put", ("step", "review"), ("budgetMinutes", "120"), ("warningShare", "0.5"),
            ("calendar", "cn"), ("customerCode", "ALFKI"));
        sla.StatusCode.ShouldBe(HttpStatusCode.OK, slaHtml);
        slaHtml.ShouldContain("2 h 0 min");
        var row = (await api.GetAsync<List<SlaDefinitionView>>("/api/workflow/slas")).Single(s => s.Id is not null);
        (row.Step, row.BudgetMinutes, row.WarningShare, row.Calendar).ShouldBe(("review", 120, 0.5m, "cn"));

        var (_, deleted) = await management.PostAsync(path, slaHtml, "sla-delete", ("sla", row.Id!.Value.ToString()));
        deleted.ShouldContain("SLA deleted");
        (await api.GetAsync<List<SlaDefinitionView>>("/api/workflow/slas")).ShouldAllBe(s => s.Id == null);
    }

    [Fact]
    public async Task The_administrator_creates_a_user_sets_their_roles_and_disables_them_and_each_change_is_audited()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var admin = new UiBrowser(api);
        await admin.SignInAsync();
        const string path = "/app/admin/users";
        var (_, page) = await admin.GetAsync(path);

        var (weak, weakHtml) = await admin.PostAsync(path, page, "user-create", ("email", "wes@orderly.test"), ("displayName", "Wes"), ("password", "short"),
            ("roles", "warehouse"));
        (weak.StatusCode, weakHtml.Contains("at least 12 characters")).ShouldBe((HttpStatusCode.BadRequest, true));
        var (created, createdHtml) = await admin.PostAsync(path, page, "user-create", ("email", "wes@orderly.test"), ("displayName", "Wes"),
            ("password", UiBrowser.Password), ("roles", "warehouse"), ("roles", "logistics"));
        created.StatusCode.ShouldBe(HttpStatusCode.OK, createdHtml);
        var user = (await api.GetAsync<List<UserView>>("/api/users")).Single(u => u.Email == "wes@orderly.test");
        user.Roles.Order().ShouldBe(["logistics", "warehouse"]);

        await admin.PostAsync(path, createdHtml, "user-change", ("roles", user.Id.ToString()), ($"roles.{user.Id}", "procurement"));
        (await api.GetAsync<UserView>($"/api/users/{user.Id}")).Roles.ShouldBe(["procurement"]);
        var (_, disabled) = await admin.PostAsync(path, createdHtml, "user-change", ("disable", user.Id.ToString()));
        disabled.ShouldContain("User wes@orderly.test disabled");
        (await api.GetAsync<UserView>($"/api/users/{user.Id}")).Disabled.ShouldBeTrue();
        var audited = Convert.ToInt64(await api.ScalarAsync("SELECT COUNT(*) FROM audit_log WHERE detail LIKE 'wes@orderly.test%'"));
        audited.ShouldBe(3L, "created, roles set, disabled");

        var sales = await UiBrowser.SignedInAsAsync(api, "sam@orderly.test", ["sales"]);
        (await sales.GetAsync(path)).Html.ShouldContain("This page is not part of your work.");
        (await sales.GetAsync("/app/admin")).Html.ShouldNotContain("/app/admin/users");
    }

    [Fact]
    public async Task Master_data_is_registered_through_the_page_with_the_apis_refusals_under_their_fields()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        var admin = new UiBrowser(api);
        await admin.SignInAsync();
        const string path = "/app/admin/master-data";
        var (_, page) = await admin.GetAsync(path);
        page.ShouldContain("ALFKI");

        var (notNumber, notNumberHtml) = await admin.PostAsync(path, page, "product-define", ("sku", "TEA-1"), ("name", "Tea"), ("unit", "box"),
            ("unitDecimals", "0"), ("listPrice", "twelve"), ("currency", "EUR"), ("taxRate", "0.07"), ("maxDiscountPercent", "5"));
        (notNumber.StatusCode, notNumberHtml.Contains("'twelve' is not a number")).ShouldBe((HttpStatusCode.BadRequest, true));
        var (defined, definedHtml) = await admin.PostAsync(path, page, "product-define", ("sku", "TEA-1"), ("name", "Tea"), ("unit", "box"),
            ("unitDecimals", "0"), ("listPrice", "12.5"), ("currency", "EUR"), ("taxRate", "0.07"), ("maxDiscountPercent", "5"), ("productLine", "drinks"));
        defined.StatusCode.ShouldBe(HttpStatusCode.OK, definedHtml);
        definedHtml.ShouldContain("data-sku=\"TEA-1\"");
        var (_, warehouse) = await admin.PostAsync(path, page, "warehouse-open", ("code", "WEST"), ("name", "West"), ("priority", "3"));
        warehouse.ShouldContain("Warehouse WEST opened.");
        var (duplicate, duplicateHtml) = await admin.PostAsync(path, page, "warehouse-open", ("code", "WEST"), ("name", "West again"), ("priority", "4"));
        duplicate.StatusCode.ShouldBe(HttpStatusCode.Conflict, duplicateHtml);

        var customer = await UiBrowser.SignedInAsAsync(api, "carl@orderly.test", ["customer"], "ALFKI");
        (await customer.GetAsync(path)).Html.ShouldContain("This page is not part of your work.");
    }

    [Fact]
    public async Task A_user_changes_their_password_on_the_profile_page_and_signs_in_with_the_new_one()
    {
        using var api = new OrderlyApi();
        var sales = await UiBrowser.SignedInAsAsync(api, "sam@orderly.test", ["sales"]);
        var (_, page) = await sales.GetAsync("/app/profile");
        page.ShouldContain("sam@orderly.test");
        page.ShouldContain("Sales");

        var (wrong, wrongHtml) = await sales.PostAsync("/app/profile", page, "password", ("currentPassword", "not my password"),
            ("newPassword", "a brand new passphrase"), ("repeatPassword", "a brand new passphrase"));
        (wrong.StatusCode, wrongHtml.Contains("The current password is not right")).ShouldBe((HttpStatusCode.BadRequest, true));
        var (differ, differHtml) = await sales.PostAsync("/app/profile", page, "password", ("currentPassword", UiBrowser.Password),
            ("newPassword", "a brand new passphrase"), ("repeatPassword", "another passphrase"));
        (differ.StatusCode, differHtml.Contains("The two new passwords differ")).ShouldBe((HttpStatusCode.BadRequest, true));
        var (changed, changedHtml) = await sales.PostAsync("/app/profile", page, "password", ("currentPassword", UiBrowser.Password),
            ("newPassword", "a brand new passphrase"), ("repeatPassword", "a brand new passphrase"));
        changed.StatusCode.ShouldBe(HttpStatusCode.OK, changedHtml);
        changedHtml.ShouldContain("Password changed.");
        (await sales.GetAsync("/app/orders")).Response.StatusCode.ShouldBe(HttpStatusCode.OK, "this session stays signed in");

        var again = new UiBrowser(api);
        (await again.SignInAsync("sam@orderly.test", "a brand new passphrase")).ShouldBe("/app/work");
    }

    [Fact]
    public async Task The_password_api_changes_the_callers_own_password_and_refuses_a_wrong_current_or_weak_new_one()
    {
        using var api = new OrderlyApi();
        await NewUserAsync(api, "pia@orderly.test", "sales");
        var pia = api.CreateClient();
        pia.DefaultRequestHeaders.Authorization = new("Bearer", await api.TokenOfAsync("pia@orderly.test"));

        await OrderlyApi.ProblemAsync(await pia.PutAsJsonAsync("/api/me/password", new { currentPassword = "wrong one, surely", newPassword = "another long passphrase" }),
            HttpStatusCode.BadRequest, "user.password_wrong");
        await OrderlyApi.ProblemAsync(await pia.PutAsJsonAsync("/api/me/password", new { currentPassword = UiBrowser.Password, newPassword = "short" }),
            HttpStatusCode.BadRequest, "user.password_weak");
        (await pia.PutAsJsonAsync("/api/me/password", new { currentPassword = UiBrowser.Password, newPassword = "another long passphrase" }))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);

        (await new UiBrowser(api).SignInAsync("pia@orderly.test", "another long passphrase")).ShouldBe("/app/work");
        Convert.ToInt64(await api.ScalarAsync("SELECT COUNT(*) FROM audit_log WHERE detail = 'pia@orderly.test changed their password'")).ShouldBe(1L);
    }

    [Fact]
    public async Task The_last_enabled_system_administrator_can_be_neither_disabled_nor_demoted()
    {
        using var api = new OrderlyApi();
        var admin = (await api.GetAsync<List<UserView>>("/api/users")).Single(u => u.Roles.Contains("system-administration"));

        await OrderlyApi.ProblemAsync(await api.Client.PostAsJsonAsync($"/api/users/{admin.Id}/disable", new { }), HttpStatusCode.Conflict, "user.last_administrator");
        await OrderlyApi.ProblemAsync(await api.Client.PutAsJsonAsync($"/api/users/{admin.Id}/roles", new { roles = new[] { "order-administration" } }),
            HttpStatusCode.Conflict, "user.last_administrator");
        var second = await OrderlyApi.Read<UserView>(await api.Client.PostAsJsonAsync("/api/users",
            new { email = "ada@orderly.test", displayName = "Ada", password = UiBrowser.Password, roles = new[] { "system-administration" } }), HttpStatusCode.Created);
        (await api.Client.PostAsJsonAsync($"/api/users/{second.Id}/disable", new { })).StatusCode.ShouldBe(HttpStatusCode.OK, "another administrator remains");
    }

    [Fact]
    public async Task A_users_other_sessions_are_sent_to_sign_in_after_their_password_or_roles_change_not_failed()
    {
        using var api = new OrderlyApi();
        var first = await UiBrowser.SignedInAsAsync(api, "fay@orderly.test", ["finance"]);
        var second = new UiBrowser(api);
        await second.SignInAsync("fay@orderly.test", UiBrowser.Password);
        var (_, page) = await first.GetAsync("/app/profile");

        await first.PostAsync("/app/profile", page, "password", ("currentPassword", UiBrowser.Password), ("newPassword", "a brand new passphrase"),
            ("repeatPassword", "a brand new passphrase"));

        var (stale, _) = await second.GetAsync("/app/orders");
        (stale.StatusCode, UiBrowser.PathOf(stale)).ShouldBe((HttpStatusCode.Redirect, "/app/sign-in?returnUrl=%2Fapp%2Forders"));
        (await second.Client.GetAsync("/api/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await first.GetAsync("/app/orders")).Response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Forms_of_actions_a_role_may_not_take_are_refused_when_posted_anyway()
    {
        using var api = new OrderlyApi();
        await api.SeedAsync();
        await BackorderAndPromiseTests.OfferAsync(api, "ACME", "CHAI", leadTimeDays: 7);
        var po = await OrderlyApi.Read<PurchaseOrderView>(await api.Client.PostAsJsonAsync("/api/purchase-orders",
            new { supplierCode = "ACME", warehouseCode = "MAIN", lines = new[] { new { sku = "CHAI", quantity = 20 } } }, OrderlyApi.Json), HttpStatusCode.Created);
        (await api.Client.PostAsJsonAsync($"/api/purchase-orders/{po.Id}/send", new { }, OrderlyApi.Json)).EnsureSuccessStatusCode();
        var sla = await OrderlyApi.Read<SlaDefinitionView>(await api.Client.PutAsJsonAsync("/api/workflow/slas", new { step = "review", budgetMinutes = 60 }), HttpStatusCode.OK);
        var sales = await UiBrowser.SignedInAsAsync(api, "sam@orderly.test", ["sales"]);
        var poPath = $"/app/procurement/purchase-orders/{po.Id}";
        var version = (await api.GetAsync<PurchaseOrderView>($"/api/purchase-orders/{po.Id}")).Version;

        var (receive, _) = await sales.PostAsync(poPath, (await sales.GetAsync(poPath)).Html, "po-receive", ("line", "1"), ("quantity.1", "1"), ("version", version.ToString()));
        var (deleteSla, _) = await sales.PostAsync("/app/admin/slas", (await sales.GetAsync("/app/admin/slas")).Html, "sla-delete", ("sla", sla.Id!.Value.ToString()));
        var (createUser, _) = await sales.PostAsync("/app/admin/users", (await sales.GetAsync("/app/admin/users")).Html, "user-create",
            ("email", "eve@orderly.test"), ("displayName", "Eve"), ("password", UiBrowser.Password), ("roles", "system-administration"));

        (receive.StatusCode, deleteSla.StatusCode).ShouldBe((HttpStatusCode.Forbidden, HttpStatusCode.Forbidden));
        createUser.StatusCode.ShouldBeOneOf([HttpStatusCode.Forbidden, HttpStatusCode.BadRequest], "the page has no such form for this user");
        (await api.GetAsync<List<GoodsReceiptView>>($"/api/purchase-orders/{po.Id}/receipts")).ShouldBeEmpty();
        (await api.GetAsync<List<SlaDefinitionView>>("/api/workflow/slas")).ShouldContain(s => s.Id == sla.Id);
        (await api.GetAsync<List<UserView>>("/api/users")).ShouldNotContain(u => u.Email == "eve@orderly.test");
    }

    private static async Task<UserView> NewUserAsync(OrderlyApi api, string email, string role) =>
        await OrderlyApi.Read<UserView>(await api.Client.PostAsJsonAsync("/api/users",
            new { email, displayName = email, password = UiBrowser.Password, roles = new[] { role } }), HttpStatusCode.Created);
}
