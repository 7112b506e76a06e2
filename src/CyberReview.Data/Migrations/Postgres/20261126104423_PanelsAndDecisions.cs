using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CyberReview.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class PanelsAndDecisions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Decisions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    Visibility = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Reason = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DecidedById = table.Column<Guid>(type: "uuid", nullable: false),
                    DecidedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Part = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SupersedesId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Decisions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Decisions_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Decisions_Decisions_SupersedesId",
                        column: x => x.SupersedesId,
                        principalTable: "Decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExpertProfiles",
                columns: table => new
                {
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    RiskAreas = table.Column<string[]>(type: "text[]", nullable: false),
                    ProductKinds = table.Column<string[]>(type: "text[]", nullable: false),
                    Available = table.Column<bool>(type: "boolean", nullable: false),
                    AvailabilityNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExpertProfiles", x => x.UserId);
                    table.ForeignKey(
                        name: "FK_ExpertProfiles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PanelDraws",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DrawnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DrawnById = table.Column<Guid>(type: "uuid", nullable: false),
                    Seed = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    Seats = table.Column<int>(type: "integer", nullable: false),
                    RiskAreas = table.Column<string[]>(type: "text[]", nullable: false),
                    ProductKinds = table.Column<string[]>(type: "text[]", nullable: false),
                    Agreement = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    AgreementNumerator = table.Column<int>(type: "integer", nullable: false),
                    AgreementDenominator = table.Column<int>(type: "integer", nullable: false),
                    Candidates = table.Column<string>(type: "text", nullable: false),
                    Seated = table.Column<string>(type: "text", nullable: false),
                    Drawn = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    Reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PanelDraws", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PanelDraws_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DecisionConditions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionConditions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DecisionConditions_Decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "Decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DecisionVersion",
                columns: table => new
                {
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProductVersionId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DecisionVersion", x => new { x.DecisionId, x.ProductVersionId });
                    table.ForeignKey(
                        name: "FK_DecisionVersion_Decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "Decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DecisionVersion_ProductVersions_ProductVersionId",
                        column: x => x.ProductVersionId,
                        principalTable: "ProductVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RegistryEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    DecisionId = table.Column<Guid>(type: "uuid", nullable: false),
                    PublishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Visibility = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    SectorDepartmentId = table.Column<Guid>(type: "uuid", nullable: true),
                    ProviderId = table.Column<Guid>(type: "uuid", nullable: false),
                    Provider = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Product = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Versions = table.Column<List<string>>(type: "text[]", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegistryEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegistryEntries_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RegistryEntries_Decisions_DecisionId",
                        column: x => x.DecisionId,
                        principalTable: "Decisions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PanelSeats",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    DrawId = table.Column<Guid>(type: "uuid", nullable: false),
                    ExpertId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    SeatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ReleasedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReleasedByDrawId = table.Column<Guid>(type: "uuid", nullable: true),
                    Vote = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    VoteReasoning = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: true),
                    VotedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PanelSeats", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PanelSeats_AspNetUsers_ExpertId",
                        column: x => x.ExpertId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PanelSeats_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PanelSeats_PanelDraws_DrawId",
                        column: x => x.DrawId,
                        principalTable: "PanelDraws",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ExpertOpinions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    SeatId = table.Column<Guid>(type: "uuid", nullable: false),
                    RiskArea = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Rating = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Reasoning = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    GivenAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExpertOpinions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ExpertOpinions_PanelSeats_SeatId",
                        column: x => x.SeatId,
                        principalTable: "PanelSeats",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DecisionConditions_DecisionId",
                table: "DecisionConditions",
                column: "DecisionId");

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_CaseId",
                table: "Decisions",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_Decisions_SupersedesId",
                table: "Decisions",
                column: "SupersedesId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DecisionVersion_ProductVersionId",
                table: "DecisionVersion",
                column: "ProductVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_ExpertOpinions_CaseId",
                table: "ExpertOpinions",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_ExpertOpinions_SeatId_RiskArea",
                table: "ExpertOpinions",
                columns: new[] { "SeatId", "RiskArea" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PanelDraws_CaseId",
                table: "PanelDraws",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_PanelSeats_CaseId",
                table: "PanelSeats",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_PanelSeats_DrawId",
                table: "PanelSeats",
                column: "DrawId");

            migrationBuilder.CreateIndex(
                name: "IX_PanelSeats_ExpertId",
                table: "PanelSeats",
                column: "ExpertId");

            migrationBuilder.CreateIndex(
                name: "IX_RegistryEntries_CaseId",
                table: "RegistryEntries",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_RegistryEntries_DecisionId",
                table: "RegistryEntries",
                column: "DecisionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RegistryEntries_Visibility_PublishedAt",
                table: "RegistryEntries",
                columns: new[] { "Visibility", "PublishedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DecisionConditions");

            migrationBuilder.DropTable(
                name: "DecisionVersion");

            migrationBuilder.DropTable(
                name: "ExpertOpinions");

            migrationBuilder.DropTable(
                name: "ExpertProfiles");

            migrationBuilder.DropTable(
                name: "RegistryEntries");

            migrationBuilder.DropTable(
                name: "PanelSeats");

            migrationBuilder.DropTable(
                name: "Decisions");

            migrationBuilder.DropTable(
                name: "PanelDraws");
        }
    }
}
