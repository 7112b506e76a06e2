using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CyberReview.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Evaluation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CatalogueVersion",
                table: "Cases",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "EvaluationActivities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Scope = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Method = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    PlannedStart = table.Column<DateOnly>(type: "date", nullable: false),
                    PlannedEnd = table.Column<DateOnly>(type: "date", nullable: false),
                    TestEnvironment = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    LaboratoryLocation = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    SiteAddress = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Premises = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Targets = table.Column<List<string>>(type: "text[]", nullable: false),
                    MonitoringFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    MonitoringUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    Subjects = table.Column<List<string>>(type: "text[]", nullable: false),
                    Sources = table.Column<List<string>>(type: "text[]", nullable: false),
                    Results = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: true),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationActivities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationActivities_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EvaluationActivities_Organisations_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EvaluationReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Summary = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    CatalogueVersion = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SignedById = table.Column<Guid>(type: "uuid", nullable: false),
                    SignedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SignOffStatement = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    SignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CorrectionReason = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    SupersededById = table.Column<Guid>(type: "uuid", nullable: true),
                    SupersededAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EvaluationReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EvaluationReports_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EvaluationReports_EvaluationReports_SupersededById",
                        column: x => x.SupersededById,
                        principalTable: "EvaluationReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EvaluationReports_Organisations_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Findings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ActivityId = table.Column<Guid>(type: "uuid", nullable: true),
                    RiskArea = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CatalogueVersion = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    CriterionId = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Severity = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    RecommendedCondition = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    RecordedById = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Findings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Findings_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Findings_EvaluationActivities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "EvaluationActivities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Findings_Organisations_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReportConclusion",
                columns: table => new
                {
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Area = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Verdict = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Reasoning = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportConclusion", x => new { x.ReportId, x.Area });
                    table.ForeignKey(
                        name: "FK_ReportConclusion_EvaluationReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "EvaluationReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FindingEvidence",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FindingId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Label = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FindingEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FindingEvidence_Findings_FindingId",
                        column: x => x.FindingId,
                        principalTable: "Findings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportFinding",
                columns: table => new
                {
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    FindingId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    RiskArea = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CriterionId = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Severity = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Status = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    RecommendedCondition = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportFinding", x => new { x.ReportId, x.FindingId });
                    table.ForeignKey(
                        name: "FK_ReportFinding_EvaluationReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "EvaluationReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReportFinding_Findings_FindingId",
                        column: x => x.FindingId,
                        principalTable: "Findings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationActivities_CaseId_Kind_PlannedStart",
                table: "EvaluationActivities",
                columns: new[] { "CaseId", "Kind", "PlannedStart" });

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationActivities_InstitutionId",
                table: "EvaluationActivities",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationReports_CaseId_InstitutionId_Version",
                table: "EvaluationReports",
                columns: new[] { "CaseId", "InstitutionId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationReports_InstitutionId",
                table: "EvaluationReports",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_EvaluationReports_SupersededById",
                table: "EvaluationReports",
                column: "SupersededById");

            migrationBuilder.CreateIndex(
                name: "IX_FindingEvidence_FindingId_Position",
                table: "FindingEvidence",
                columns: new[] { "FindingId", "Position" });

            migrationBuilder.CreateIndex(
                name: "IX_Findings_ActivityId",
                table: "Findings",
                column: "ActivityId");

            migrationBuilder.CreateIndex(
                name: "IX_Findings_CaseId_Number",
                table: "Findings",
                columns: new[] { "CaseId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Findings_CaseId_RiskArea",
                table: "Findings",
                columns: new[] { "CaseId", "RiskArea" });

            migrationBuilder.CreateIndex(
                name: "IX_Findings_InstitutionId",
                table: "Findings",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportFinding_FindingId",
                table: "ReportFinding",
                column: "FindingId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FindingEvidence");

            migrationBuilder.DropTable(
                name: "ReportConclusion");

            migrationBuilder.DropTable(
                name: "ReportFinding");

            migrationBuilder.DropTable(
                name: "EvaluationReports");

            migrationBuilder.DropTable(
                name: "Findings");

            migrationBuilder.DropTable(
                name: "EvaluationActivities");

            migrationBuilder.DropColumn(
                name: "CatalogueVersion",
                table: "Cases");
        }
    }
}
