using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CyberReview.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Institutions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Designations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Activities = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ProductKinds = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: false),
                    Reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    DesignatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    DesignatedById = table.Column<Guid>(type: "uuid", nullable: false),
                    RenewsId = table.Column<Guid>(type: "uuid", nullable: true),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    EndedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    EndedById = table.Column<Guid>(type: "uuid", nullable: true),
                    EndReason = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Designations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Designations_AspNetUsers_DesignatedById",
                        column: x => x.DesignatedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Designations_AspNetUsers_EndedById",
                        column: x => x.EndedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Designations_Designations_RenewsId",
                        column: x => x.RenewsId,
                        principalTable: "Designations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Designations_Organisations_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InstitutionAssignments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    CaseId = table.Column<Guid>(type: "uuid", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Activities = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    AssignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AssignedById = table.Column<Guid>(type: "uuid", nullable: false),
                    UnassignedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    UnassignedById = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InstitutionAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InstitutionAssignments_AspNetUsers_AssignedById",
                        column: x => x.AssignedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InstitutionAssignments_AspNetUsers_UnassignedById",
                        column: x => x.UnassignedById,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InstitutionAssignments_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_InstitutionAssignments_Organisations_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Designations_DesignatedById",
                table: "Designations",
                column: "DesignatedById");

            migrationBuilder.CreateIndex(
                name: "IX_Designations_EndedById",
                table: "Designations",
                column: "EndedById");

            migrationBuilder.CreateIndex(
                name: "IX_Designations_InstitutionId_ValidFrom",
                table: "Designations",
                columns: new[] { "InstitutionId", "ValidFrom" });

            migrationBuilder.CreateIndex(
                name: "IX_Designations_RenewsId",
                table: "Designations",
                column: "RenewsId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_InstitutionAssignments_AssignedById",
                table: "InstitutionAssignments",
                column: "AssignedById");

            migrationBuilder.CreateIndex(
                name: "IX_InstitutionAssignments_CaseId_InstitutionId",
                table: "InstitutionAssignments",
                columns: new[] { "CaseId", "InstitutionId" });

            migrationBuilder.CreateIndex(
                name: "IX_InstitutionAssignments_InstitutionId",
                table: "InstitutionAssignments",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_InstitutionAssignments_UnassignedById",
                table: "InstitutionAssignments",
                column: "UnassignedById");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Designations");

            migrationBuilder.DropTable(
                name: "InstitutionAssignments");
        }
    }
}
