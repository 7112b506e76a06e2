using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CyberReview.Data.Organisations;
using CyberReview.Reviews.Access;
using CyberReview.Reviews.Cases;
using CyberReview.Reviews.CiiProcurement;
using Microsoft.EntityFrameworkCore;
using static CyberReview.Web.Tests.Features.CiiProcurement.Declarations;

namespace CyberReview.Web.Tests.Features.CiiProcurement;

public sealed class DeclarationTests(Apps apps)
{
    [Theory, ClassData(typeof(Databases))]
    public async Task An_operator_declares_and_its_department_determines_that_it_may_affect_national_security_which_opens_a_cii_case(Database engine)
    {
        var app = await apps.For(engine);
        using var procurer = await ApiAsync(apps, engine, Role.Procurer);
        using var sector = await ApiAsync(apps, engine, Role.SectorAuthority);
        var (product, version) = await ProductAsync(app, "NR-9000 Core Router", "6.0");

        var declaration = Registered(product, version);
        using var first = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cii-declarations") { Content = JsonContent.Create(declaration) };
        first.Headers.Add("Idempotency-Key", "declare-" + Guid.NewGuid());
        using var retry = new HttpRequestMessage(HttpMethod.Post, "/api/v1/cii-declarations") { Content = JsonContent.Create(declaration) };
        retry.Headers.Add("Idempotency-Key", first.Headers.GetValues("Idempotency-Key").Single());
        var filed = await (await procurer.SendAsync(first)).Content.ReadFromJsonAsync<JsonElement>();
        var again = await procurer.SendAsync(retry);
        var id = filed.GetProperty("id").GetGuid();
        Assert.Equal("Pending", filed.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(id, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        Assert.Equal(1, await app.WithDbAsync(db => db.ProcurementDeclarations.CountAsync(d => d.ContractReference == filed.GetProperty("contractReference").GetString())));

        var pending = await sector.GetFromJsonAsync<JsonElement>("/api/v1/cii-declarations?status=Pending&pageSize=100");
        Assert.Contains(pending.GetProperty("items").EnumerateArray(), d => d.GetProperty("id").GetGuid() == id);
        var determined = await DetermineAsync(sector, id, "MayAffectNationalSecurity", "The dispatch network controls the grid.");
        Assert.True(determined.StatusCode == HttpStatusCode.OK, await determined.Content.ReadAsStringAsync());
        var view = await determined.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("UnderReview", view.GetProperty("status").GetString());
        var caseId = view.GetProperty("caseId").GetGuid();

        var opened = await app.WithDbAsync(db => db.Cases.Include(c => c.Versions).Include(c => c.Members).Include(c => c.Events).SingleAsync(c => c.Id == caseId));
        var department = await app.WithDbAsync(db => db.Organisations.Where(o => o.Name == Department).Select(o => o.Id).SingleAsync());
        Assert.Equal(TriggerKind.CiiProcurementDeclaration, opened.TriggerKind);
        Assert.Equal(id.ToString(), opened.ReferenceNumber);
        Assert.Equal(department, opened.SectorDepartmentId);
        Assert.Equal([version], opened.Versions.Select(v => v.ProductVersionId));
        Assert.Contains(opened.Members, m => m.Part == CaseActor.SectorAuthority && m.OrganisationId == department);
        Assert.Contains(opened.Members, m => m.Part == CaseActor.Office);
        Assert.Contains(opened.Events, e => e.What == "Opened" && e.ActorPart == CaseActor.SectorAuthority);
        Assert.Equal(CaseState.Submitted, opened.State);

        // The operator follows the review's stage, not the case.
        var followed = await procurer.GetFromJsonAsync<JsonElement>($"/api/v1/cii-declarations/{id}");
        Assert.Equal("UnderReview", followed.GetProperty("status").GetString());
        Assert.Equal("Screening", followed.GetProperty("progress").GetString());
        Assert.False(followed.GetProperty("youMayDetermine").GetBoolean());
        // The office sees every declaration; the department's own case is open to it.
        using var office = await ApiAsync(apps, engine, Role.Office);
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync($"/api/v1/cii-declarations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sector.GetAsync($"/api/v1/cases/{caseId}")).StatusCode);

        var twice = await DetermineAsync(sector, id, "DoesNotAffect", "Second thoughts.");
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Cases.CountAsync(c => c.ReferenceNumber == id.ToString())));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_free_text_purchase_determined_not_to_affect_national_security_closes_with_its_reasons_and_no_case(Database engine)
    {
        var app = await apps.For(engine);
        using var procurer = await ApiAsync(apps, engine, Role.Procurer);
        using var sector = await ApiAsync(apps, engine, Role.SectorAuthority);
        var id = (await FiledAsync(procurer, FreeText())).GetProperty("id").GetGuid();

        // A product not in CyberReview needs the provider named before a review can open on it; nothing changes meanwhile.
        var noProvider = await DetermineAsync(sector, id, "MayAffectNationalSecurity", "Could matter.");
        Assert.Equal(HttpStatusCode.BadRequest, noProvider.StatusCode);
        Assert.Contains("providerId", await noProvider.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        var noReasons = await DetermineAsync(sector, id, "DoesNotAffect", "  ");
        Assert.Equal(HttpStatusCode.BadRequest, noReasons.StatusCode);
        Assert.Equal(DeclarationStatus.Pending, await app.WithDbAsync(db => db.ProcurementDeclarations.Where(d => d.Id == id).Select(d => d.Status).SingleAsync()));

        var determined = await DetermineAsync(sector, id, "DoesNotAffect", "Printers on an office LAN.");
        Assert.Equal(HttpStatusCode.OK, determined.StatusCode);
        var view = await procurer.GetFromJsonAsync<JsonElement>($"/api/v1/cii-declarations/{id}");
        Assert.Equal("NotAffecting", view.GetProperty("status").GetString());
        Assert.Equal("Printers on an office LAN.", view.GetProperty("determinationReasons").GetString());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("caseId").ValueKind);
        Assert.Equal("Meridian MX-40 printers", view.GetProperty("productName").GetString());
    }

    public static TheoryData<Database, string> Refusals()
    {
        var data = new TheoryData<Database, string>();
        foreach (var engine in new[] { Database.Sqlite, Database.Postgres })
            foreach (var refusal in new[] { "commitment missing", "no commitments", "no contract reference", "no system", "unknown product", "version of another product", "no product at all", "level out of range" })
                data.Add(engine, refusal);
        return data;
    }

    [Theory, MemberData(nameof(Refusals))]
    public async Task An_incomplete_declaration_is_refused_with_problem_details_and_nothing_is_stored(Database engine, string refusal)
    {
        var app = await apps.For(engine);
        using var procurer = await ApiAsync(apps, engine, Role.Procurer);
        var (product, version) = await ProductAsync(app, "NR-9000 Core Router", "6.0");
        var (_, otherVersion) = await ProductAsync(app, "Contoso SD-WAN", "3.4");
        var reference = "REFUSED-" + Guid.NewGuid().ToString("N")[..8];
        var body = new Dictionary<string, object?>
        {
            ["productId"] = product, ["versionIds"] = new[] { version }, ["purpose"] = "Core routers.", ["systemName"] = "Dispatch",
            ["level"] = "Level3", ["commitments"] = new[] { "NoIllegalDataCollection", "NoIllegalDeviceControl", "NoUnjustifiedInterruption" }, ["contractReference"] = reference,
        };
        var field = refusal switch
        {
            "commitment missing" => Set(body, "commitments", new[] { "NoIllegalDataCollection", "NoIllegalDeviceControl" }, "Commitments"),
            "no commitments" => Set(body, "commitments", Array.Empty<string>(), "Commitments"),
            "no contract reference" => Set(body, "contractReference", " ", "ContractReference"),
            "no system" => Set(body, "systemName", "", "SystemName"),
            "unknown product" => Set(body, "productId", Guid.NewGuid(), "ProductId"),
            "version of another product" => Set(body, "versionIds", new[] { otherVersion }, "VersionIds"),
            "no product at all" => Set(body, "productId", null, "ProductName"),
            "level out of range" => Set(body, "level", "Level9", null),
            _ => throw new ArgumentOutOfRangeException(nameof(refusal)),
        };

        var response = await procurer.PostAsJsonAsync("/api/v1/cii-declarations", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (field is not null)
            Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _), await response.Content.ReadAsStringAsync());
        Assert.False(await app.WithDbAsync(db => db.ProcurementDeclarations.AnyAsync(d => d.ContractReference == reference)));
    }

    private static string? Set(Dictionary<string, object?> body, string key, object? value, string? field)
    {
        body[key] = value;
        return field;
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Only_a_cii_operators_procurer_files_and_only_its_own_department_determines(Database engine)
    {
        var app = await apps.For(engine);
        using var procurer = await ApiAsync(apps, engine, Role.Procurer);
        var id = (await FiledAsync(procurer, FreeText())).GetProperty("id").GetGuid();

        // A procurer of a body that is not a CII operator files nothing.
        using var notAnOperator = await ApiAsync(app, await PersonOfNewAsync(apps, engine, Role.Procurer, OrganisationKind.ProcuringBody));
        Assert.Equal(HttpStatusCode.Forbidden, (await notAnOperator.PostAsJsonAsync("/api/v1/cii-declarations", FreeText())).StatusCode);
        // The office sees the declaration but does not determine it; the operator does not determine its own.
        using var office = await ApiAsync(apps, engine, Role.Office);
        Assert.Equal(HttpStatusCode.Forbidden, (await DetermineAsync(office, id, "DoesNotAffect", "Not ours to say.")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await DetermineAsync(procurer, id, "DoesNotAffect", "Our own view.")).StatusCode);
        Assert.Equal(DeclarationStatus.Pending, await app.WithDbAsync(db => db.ProcurementDeclarations.Where(d => d.Id == id).Select(d => d.Status).SingleAsync()));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Other_operators_departments_and_providers_find_no_such_declaration(Database engine)
    {
        var app = await apps.For(engine);
        using var procurer = await ApiAsync(apps, engine, Role.Procurer);
        var id = (await FiledAsync(procurer, FreeText("Secret purchase " + Guid.NewGuid().ToString("N")[..6]))).GetProperty("id").GetGuid();
        var otherDepartment = await OrganisationAsync(app, OrganisationKind.SectorDepartment);
        var outsiders = new (string Who, PageClient Pages)[]
        {
            ("another operator under the same department", await PersonOfNewAsync(apps, engine, Role.Procurer, OrganisationKind.ProcuringBody, Department)),
            ("another operator under another department", await PersonOfNewAsync(apps, engine, Role.Procurer, OrganisationKind.ProcuringBody, otherDepartment)),
            ("another protection department", await PersonOfNewAsync(apps, engine, Role.SectorAuthority, OrganisationKind.SectorDepartment)),
            ("a provider", await apps.SignedIn(engine, Role.Provider)),
            ("an evaluator", await apps.SignedIn(engine, Role.Evaluator)),
        };
        foreach (var (who, pages) in outsiders)
        {
            using var api = await ApiAsync(app, pages);
            Assert.True(HttpStatusCode.NotFound == (await api.GetAsync($"/api/v1/cii-declarations/{id}")).StatusCode, who);
            var list = await api.GetFromJsonAsync<JsonElement>("/api/v1/cii-declarations?pageSize=100");
            Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), d => d.GetProperty("id").GetGuid() == id);
            Assert.True(HttpStatusCode.NotFound == (await pages.GetAsync($"/CiiProcurement/Declaration?declarationId={id}")).Status, who);
            var determined = await DetermineAsync(api, id, "DoesNotAffect", "Not mine.");
            Assert.True(determined.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{who}: {determined.StatusCode}");
            Assert.True((await pages.PostFormAsync($"/CiiProcurement/Declaration?declarationId={id}", [new("Determination", "DoesNotAffect"), new("Reasons", "Not mine.")],
                formPage: "/CiiProcurement")).Status == HttpStatusCode.NotFound, who);
        }
        Assert.Equal(DeclarationStatus.Pending, await app.WithDbAsync(db => db.ProcurementDeclarations.Where(d => d.Id == id).Select(d => d.Status).SingleAsync()));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_pages_take_a_declaration_from_filing_to_determination(Database engine)
    {
        var app = await apps.For(engine);
        var procurer = await apps.SignedIn(engine, Role.Procurer);
        var sector = await apps.SignedIn(engine, Role.SectorAuthority);
        var (product, version) = await ProductAsync(app, "Northwind Edge Firewall", "4.1");
        var system = "Substation perimeter " + Guid.NewGuid().ToString("N")[..6];

        var form = await procurer.GetAsync($"/CiiProcurement/File?product={product}");
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var incomplete = await procurer.PostFormAsync("/CiiProcurement/File", [new("Form.ProductId", product.ToString()), new("Form.VersionIds", version.ToString()),
            new("Form.Purpose", "Perimeter firewalls."), new("Form.SystemName", system), new("Form.Level", "Level3"), new("Form.ContractReference", "PG-1"),
            new("Form.Commitments", "NoIllegalDataCollection")]);
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.Status);
        Assert.Contains("validation-summary", incomplete.Html, StringComparison.Ordinal);
        var filed = await procurer.PostFormAsync("/CiiProcurement/File", [new("Form.ProductId", product.ToString()), new("Form.VersionIds", version.ToString()),
            new("Form.Purpose", "Perimeter firewalls."), new("Form.SystemName", system), new("Form.Level", "Level3"), new("Form.ContractReference", "PG-1"),
            new("Form.Commitments", "NoIllegalDataCollection"), new("Form.Commitments", "NoIllegalDeviceControl"), new("Form.Commitments", "NoUnjustifiedInterruption")]);
        Assert.Equal(HttpStatusCode.Redirect, filed.Status);
        var page = filed.RedirectPath!;
        Assert.StartsWith("/CiiProcurement/Declaration?declarationId=", page, StringComparison.Ordinal);

        Assert.Contains(system, (await sector.GetAsync("/CiiProcurement?status=Pending")).Html, StringComparison.Ordinal);
        var determined = await sector.PostFormAsync(page, [new("Determination", "MayAffectNationalSecurity"), new("Reasons", "Perimeter of the grid's control network.")], formPage: page);
        Assert.Equal(HttpStatusCode.Redirect, determined.Status);
        var shown = await procurer.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, shown.Status);
        Assert.Contains("Perimeter of the grid&#x27;s control network.", shown.Html, StringComparison.Ordinal);
        var id = Guid.Parse(page[(page.IndexOf('=', StringComparison.Ordinal) + 1)..]);
        Assert.NotNull(await app.WithDbAsync(db => db.ProcurementDeclarations.Where(d => d.Id == id).Select(d => d.CaseId).SingleAsync()));
    }
}
