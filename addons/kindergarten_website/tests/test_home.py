from odoo.tests import HttpCase, tagged

# Odoo's sample content a preschool's visitor must never see.
SAMPLE_TEXT = (
    "YourLogo",
    "+1 555",
    "555-555",
    "Company name",
    "yourcompany",
    "passionate people",
    "Useful Links",
)


@tagged("post_install", "-at_install")
class TestHomePage(HttpCase):
    """What a visitor reads on the home pages of the demo's two preschools."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tansholpan_site = cls.env.ref("website.website2")
        cls.tansholpan = cls.env.ref("consultation_point.company_tansholpan")
        cls.point = cls.env.ref("consultation_point.point_tansholpan")
        cls.balakai_site = cls.env.ref("website.default_website")
        cls.balakai = cls.env.ref("base.main_company")
        cls.board = cls.env.ref("kindergarten_council.council_balakai")

    def _serve_tansholpan(self):
        """Serve «Таңшолпан»'s website on the test server's address."""
        self.tansholpan_site.domain = self.base_url()

    def _page(self, url):
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200, url)
        for sample in SAMPLE_TEXT:
            self.assertNotIn(sample, response.text, url)
        return response.text

    def test_point_preschool_in_kazakh(self):
        self._serve_tansholpan()
        self.assertEqual(self.tansholpan_site.default_lang_id.code, "kk_KZ")
        page = self._page("/")
        self.assertIn('lang="kk-KZ"', page)
        # the preschool, from its company
        self.assertIn("№11 «Таңшолпан» бөбекжай-бақшасы", page)
        self.assertIn("Ерубаев көшесі, 40, Қарағанды", page)
        self.assertIn("+7 7212 56 17 40", page)
        self.assertIn('href="tel:+7 7212 56 17 40"', page)
        self.assertIn("info@tansholpan.example.kz", page)
        # the consultation point: its opening hours, how to ask, the booking link
        self.assertIn(self.point.with_context(lang="kk_KZ").name, page)
        self.assertIn("Жұмыс уақыты", page)
        self.assertIn("Сейсенбі", page)
        self.assertIn("Сәрсенбі", page)
        self.assertIn("09:00–12:00", page)
        self.assertIn("17:00–19:00", page)
        self.assertIn(f'href="/consultation-point/{self.point.id}/request"', page)
        self.assertIn('href="/my/consultation/book"', page)
        self.assertIn("Консультацияға жазылу", page)
        # header and footer: menus, sign in and the call to action in Kazakh
        for text in ("Басты бет", "Консультативтік пункт", "Байланыс", "Кіру", "Маманға сұрақ"):
            self.assertIn(text, page)
        self.assertIn("© №11 «Таңшолпан» бөбекжай-бақшасы", page)
        for english in (">Home<", ">Contact us<", ">Sign in<", "Opening hours", "Powered by"):
            self.assertNotIn(english, page)
        # English is not offered to the visitors of this website
        self.assertNotIn('hreflang="en"', page)

    def test_point_preschool_in_russian(self):
        self._serve_tansholpan()
        page = self._page("/ru")
        self.assertIn('lang="ru-RU"', page)
        self.assertIn("Ясли-сад №11 «Таншолпан»", page)
        self.assertIn("улица Ерубаева, 40, Караганда", page)
        self.assertIn("+7 7212 56 17 40", page)
        self.assertIn(self.point.with_context(lang="ru_RU").name, page)
        self.assertIn("Часы работы", page)
        self.assertIn("Вторник", page)
        self.assertIn("09:00–12:00", page)
        self.assertIn('href="/ru/my/consultation/book"', page)
        self.assertIn("Записаться на консультацию", page)
        for text in ("Главная", "Консультативный пункт", "Контакты", "Вход", "Вопрос специалисту"):
            self.assertIn(text, page)
        self.assertIn("© Ясли-сад №11 «Таншолпан»", page)
        for english in (">Home<", ">Contact us<", ">Sign in<", "Opening hours"):
            self.assertNotIn(english, page)

    def test_hours_follow_the_points_calendar(self):
        self._serve_tansholpan()
        self.point.resource_calendar_id.attendance_ids.filtered(
            lambda att: att.dayofweek == "2"
        ).write({"hour_from": 16.5, "hour_to": 18.75})
        page = self._page("/")
        self.assertIn("16:30–18:45", page)
        self.assertNotIn("17:00–19:00", page)

    def test_board_preschool_in_kazakh_and_russian(self):
        # The default website (every address without a website of its own) is «Балақай»'s.
        meeting = self.env.ref("kindergarten_council.meeting_1")
        Meeting = self.env["kindergarten.council.meeting"].with_context(force_report_rendering=True)
        Meeting._cron_print_website_minutes()
        self.assertTrue(meeting.website_minutes_kk_id and meeting.website_minutes_ru_id)
        page = self._page("/kk")
        self.assertIn("«Балақай» бөбекжайы", page)
        self.assertIn("+7 7212 41 25 36", page)
        self.assertIn(self.board.with_context(lang="kk_KZ").name, page)
        self.assertIn("Қамқоршылық кеңес", page)
        self.assertIn('href="/kk/council/appeal"', page)
        self.assertIn("Кеңеске жазу", page)
        self.assertIn(f"/web/content/{meeting.website_minutes_kk_id.id}", page)
        self.assertIn("№1 жиналыс (2025–2026)", page)
        # no consultation point here: no menu item, the call to action is "Contact us"
        self.assertNotIn('href="/kk/consultation-point"', page)
        self.assertNotIn("o_kg_point", page)
        self.assertRegex(page, r'<a href="/kk/contactus" class="[^"]*o_kg_cta')
        page = self._page("/ru")
        self.assertIn("Ясли «Балакай»", page)
        self.assertIn("проспект Бухар жырау, 12, Караганда", page)
        self.assertIn("Попечительский совет", page)
        self.assertIn(f"/web/content/{meeting.website_minutes_ru_id.id}", page)
        self.assertIn("Заседание №1 (2025–2026)", page)
        # anyone downloads the published minutes
        self.authenticate(None, None)
        response = self.url_open(f"/web/content/{meeting.website_minutes_ru_id.id}?download=true")
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.content.startswith(b"%PDF"))

    def test_a_preschool_without_point_or_board(self):
        company = self.env["res.company"].create(
            {"name": "«Айгөлек» балабақшасы", "phone": "+7 7172 00 11 22", "city": "Астана"}
        )
        self.env["website"].create(
            {"name": "Айгөлек", "company_id": company.id, "domain": self.base_url()}
        )
        page = self._page("/")
        self.assertIn("«Айгөлек» балабақшасы", page)
        self.assertIn("+7 7172 00 11 22", page)
        self.assertNotIn("o_kg_point", page)
        self.assertNotIn("o_kg_board", page)

    def test_contact_page(self):
        self._serve_tansholpan()
        page = self._page("/contactus")
        self.assertNotIn("Fake Buena Vista", page)
        self.assertNotIn("My Company", page)
        self.assertIn("Ерубаев көшесі, 40, Қарағанды", page)
        self.assertIn("+7 7212 56 17 40", page)
        self.assertIn("Аты-жөніңіз", page)
        self.assertIn(f'href="/consultation-point/{self.point.id}/request"', page)
        page = self._page("/ru/contactus")
        self.assertIn("улица Ерубаева, 40, Караганда", page)
        self.assertIn("Ваше имя", page)

    def test_point_page_days_in_kazakh(self):
        self._serve_tansholpan()
        page = self._page(f"/consultation-point/{self.point.id}")
        self.assertIn("Сейсенбі", page)
        self.assertNotIn("Tuesday", page)
        labels = dict(
            self.env["resource.calendar.attendance"]
            .with_context(lang="kk_KZ")
            ._fields["dayofweek"]
            ._description_selection(self.env(context={"lang": "kk_KZ"}))
        )
        self.assertEqual(labels["0"], "Дүйсенбі")
