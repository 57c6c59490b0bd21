/// Traditional Chinese as written in Taiwan, with the Simplified forms of the same common
/// characters (后/後, 个/個, 周/週, 块/塊) so that mainland writing is read too.
///
/// Chinese has no spaces: the entity tokenizer takes each Han character as a token, and every
/// phrase below is matched character by character, inside a sentence ("我明天去" yields 明天).
/// Numbers are characters with place values ("二十五"); dates put the larger unit first
/// ("2026年3月5日"); spans put the direction last ("3天後").
extension Language {
    static let chinese = Language(
        tag: .traditionalChinese, folding: .none,
        numbers: NumberWords(
            grammar: .characters,
            values: [
                "零": 0, "〇": 0, "一": 1, "二": 2, "兩": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
                "八": 8, "九": 9,
            ],
            multipliers: ["十": 10, "百": 100, "千": 1000, "萬": 10000, "万": 10000], articles: [:],
            scales: ["百": 2, "千": 3, "萬": 4, "万": 4, "億": 8, "亿": 8]),
        calendar: chineseCalendar,
        currencies: chineseCurrencies.merging(["元": "TWD", "塊": "TWD", "块": "TWD", "塊錢": "TWD", "块钱": "TWD"]) {
            first, _ in first
        },
        currencyPrefixes: chineseCurrencies,
        yes: ["是", "對", "对", "好", "確認", "确认", "嗯", "可以", "沒錯", "没错", "沒問題", "没问题", "好的", "行"],
        no: ["不", "不是", "不對", "不对", "否", "錯", "错", "不要"],
        contrast: ["但", "但是", "可是", "不過", "不过", "只是"],
        dontKnow: ["不知道", "不清楚", "不記得", "不记得"],
        acknowledgements: ["好", "好的", "好喔", "好吧", "嗯", "嗯嗯", "了解", "知道了", "明白", "收到", "ok", "okay", "沒問題"],
        thanks: ["謝謝", "谢谢", "謝啦", "谢啦", "感謝", "感谢", "多謝", "多谢", "謝謝你", "谢谢你", "還是謝謝", "还是谢谢"],
        cancelPhrases: [
            "取消", "不用了", "算了", "不要了", "停止", "停", "沒事", "没事", "沒事了", "没事了", "我改變主意了",
            "我改变主意了", "不用", "不需要了",
        ],
        switchPhrases: ["改成", "改為", "改为", "換成", "换成", "改要"],
        leaveQueuePhrases: [
            "不想等了", "不等了", "不用等了", "離開隊列", "离开队列", "不要真人", "不用真人", "不要客服", "不用客服", "晚點再來",
            "稍後再來", "我再打來", "已經解決了", "已经解决了", "問題解決了", "问题解决了",
        ],
        negation: NegationRules(
            cues: [], requestCues: ["不要", "別", "不用", "不想", "不需要", "無需", "不必", "甭", "毋須", "不願意"],
            notCues: [
                "特別", "分別", "區別", "類別", "個別", "性別", "差別", "告別", "級別", "識別", "辨別", "離別", "別人", "別的",
                "別處", "別家", "別名", "派別", "鑑別", "判別", "別墅", "別緻", "不要緊", "不用謝",
            ],
            skips: ["再", "幫", "給", "替", "把"], boundaries: ["但", "而", "還是", "改"], subjects: ["我"]),
        goodbyePhrases: [
            "再見", "再见", "掰掰", "拜拜", "bye", "先這樣", "先这样", "我先走了", "我要走了", "我要離開了", "我要离开了",
        ],
        sentiment: .chinese, keyPhraseSkips: chineseSkips, keyPhraseWords: chineseKeyPhraseWords,
        messages: BuiltInMessages(
            cancelReply: "好的，已經取消了。還有什麼可以幫您的嗎？",
            busy: "我還在處理您上一個要求，請稍等。如要停止，請說「取消」。",
            confirmationDenied: "要修改哪一項？請直接告訴我新的內容，或說「取消」。",
            resumed: "我們回到您剛才的事項。",
            leftQueue: "好的，您已離開排隊。還有什麼可以幫您的嗎？",
            leftQueueGoodbye: "您已離開排隊。如果還需要協助，請再傳訊息給我們。",
            droppedFromQueue: { minutes in "由於您\(minutes)分鐘沒有回覆，已將您移出排隊。如果仍需要客服人員協助，請再提出。" },
            handoff: "正在為您轉接可以協助的同事，請留在這個對話中稍候。",
            agentJoined: { agent in agent.map { "現在由\($0)為您服務。" } ?? "現在由客服人員為您服務。" },
            released: "您已回到虛擬助理。還有什麼可以幫您的嗎？",
            closed: "本次對話已結束，感謝您的聯繫。",
            queuedWithoutAgent: { position in "您目前排在第\(position)位。現在沒有客服人員可以接聽；您會留在隊列中，直到有客服人員可以為您服務。" },
            queued: { position, minutes in
                let time = minutes <= 0 ? "客服人員很快就會為您服務" : "預計等候時間約\(minutes)分鐘"
                return "您目前排在第\(position)位；\(time)。"
            },
            transferred: { queue in "正在為您轉接到\(queue)。" },
            agentNotes: AgentNotes(
                notUnderstood: "機器人沒聽懂客戶的問題：請先看對話紀錄，再問客戶需要什麼。",
                valueNotGiven: "客戶答不出機器人問的資料：請換個說法再問。",
                upset: "客戶情緒不佳：請先承認問題，再處理其他事。",
                askedTwice: "客戶同一件事問了兩次：請先回答這個。",
                historyUnreadable: "這段對話的紀錄無法讀取，所以摘要沒有對話內容：請問客戶需要什麼。",
                transferred: { agent, queue in "由\(agent)從「\(queue)」轉接：先看對話中同事的回覆，再向客戶提問。" },
                detailsGiven: { slots in "請使用客戶已提供的資料（\(slots)），不要再問一次。" })),
        formats: ValueFormat(
            dates: .yearMonthDayHan,
            money: .init(
                decimal: ".", group: ",",
                signs: ["TWD": ("NT$", true), "USD": ("US$", true), "CNY": ("人民幣", true), "EUR": ("€", true)])))

    /// Particles, pronouns and politeness that split a run of characters into candidate phrases.
    private static let chineseSkips: Set<String> = [
        "的", "了", "我", "你", "您", "他", "她", "們", "们", "是", "在", "嗎", "吗", "呢", "吧", "啊", "喔", "哦",
        "嗯", "很", "也", "都", "就", "把", "被", "給", "给", "和", "跟", "請", "请", "想", "要", "這", "这", "那",
        "謝", "谢", "嗨", "啦", "耶", "喂", "還", "还", "又", "再", "已", "經", "经", "但", "而", "或", "及", "從",
        "从", "到", "說", "说", "會", "会", "能", "可", "以", "不", "沒", "没", "有", "什", "麼", "么", "怎", "為",
        "为", "好", "一", "下", "個", "个", "上", "裡", "來", "来", "去", "卻", "却", "才", "只", "每", "多", "幫",
        "帮", "該", "该", "著", "着", "得", "過", "过", "讓", "让", "對", "对", "比", "與", "与", "向", "誰", "谁",
        "哪", "幾", "几", "些", "呀", "嘛", "剛", "刚",
        // Multi-character function words, greetings, time and filler verbs: they are matched
        // whole, so their characters stay free in other words.
        "時候", "时候", "一直", "現在", "现在", "辦法", "办法", "可是", "但是", "因為", "因为", "所以", "結果",
        "结果", "然後", "然后", "還是", "应该", "應該", "根本", "知道", "請問", "请问", "麻煩", "麻烦", "您好",
        "晚安", "午安", "早安", "哪裡", "哪里", "一下", "每個", "每天", "之後", "之后", "以後", "之前", "以前",
        "裡面", "里面", "出來", "出来", "起來", "起来", "上面", "馬上", "马上", "比較", "比较", "透過", "透过",
        "自己", "真的", "非常", "而且", "如果", "就是", "只是", "顯示", "显示", "小時", "小时", "分鐘", "分钟",
        "星期", "禮拜", "礼拜", "晚上", "早上", "下午", "上午", "今天", "昨天", "明天", "上次", "這次", "目前",
        "到底", "完全", "好像", "剛剛", "剛才", "一樣", "東西", "东西", "問題", "问题", "處理", "处理", "幫忙",
        "帮忙", "需要", "希望", "覺得", "觉得", "看看", "告訴", "告诉", "所有", "任何", "其他", "別的", "别的",
        // Getting and sending in general, as "получить" and "bekommen" are skipped: the thing got
        // or sent is the phrase.
        "收到", "拿到", "寄到", "送到", "寄來", "寄来", "送來", "送来", "打開", "打开", "改成", "出現", "出现",
    ]

    /// Words that a cut of characters keeps whole: those holding a skip character ("會員",
    /// "收到", "下單", "還款", "功能"), and common customer-service words of three characters or
    /// more, so that pairing the characters around them starts at the right place ("信用卡綁定" →
    /// "信用卡", "綁定").
    private static let chineseKeyPhraseWords: Set<String> = [
        "開不了機", "充不了電", "連不上", "登不進去", "會員", "会员", "人員", "人员", "到貨", "到货", "到期", "下單", "下单", "下載", "下载", "下架",
        "還款", "还款", "還錢", "歸還", "不見", "不良", "不符", "不明", "不足", "開機", "关机", "關機", "有效",
        "有效期", "過期", "过期", "對方", "對帳", "好友", "好評", "差評", "說明", "说明", "說明書", "经理",
        "經理", "經銷商", "個人", "個資", "個人資料", "上傳", "上传", "線上", "网上", "網上", "上網", "來電",
        "多扣", "多收", "多付", "每月", "功能", "智能", "性能", "給付", "以上", "統一", "重複扣款",
        "信用卡", "金融卡", "簽帳卡", "提款卡", "提款機", "洗衣機", "烘衣機", "咖啡機", "吸塵器", "微波爐",
        "熱水器", "充電器", "充電線", "行動電源", "遙控器", "印表機", "數據機", "路由器", "分享器", "購物車",
        "折扣碼", "優惠碼", "優惠券", "驗證碼", "追蹤碼", "追蹤號碼", "手機殼", "保護貼", "筆記型電腦",
        "藍牙耳機", "電子郵件", "電子發票", "電子機票", "登機證", "行李箱", "計程車", "外送員", "送貨員",
        "便利商店", "取貨點", "取貨碼", "真人客服", "客服人員", "服務人員", "維修中心", "保固期", "付款方式",
        "分期付款", "手續費", "月租費", "違約金", "滯納金", "訂單編號", "收件地址", "電話號碼", "手機號碼",
        "身分證", "保險公司", "會員卡", "遊戲主機", "智慧手錶", "無線網路", "演唱會", "電影票", "水龍頭",
        "天花板", "停車費", "電動機車", "滑板車", "電動滑板車", "詐騙集團", "應用程式", "冷氣機", "電冰箱",
        "帳號", "帳戶", "密碼", "訂單", "包裹", "退款", "退貨", "換貨", "付款", "手機", "耳機", "電視", "螢幕",
        "電池", "鍵盤", "網路", "客服", "保固", "發票", "收據", "地址", "商品", "運費", "帳單", "簡訊", "通知",
    ]

    private static let chineseCalendar = CalendarVocabulary(
        relativeDays: PhraseTable(
            [
                "今天": 0, "今日": 0, "明天": 1, "明日": 1, "後天": 2, "后天": 2, "大後天": 3, "大后天": 3, "昨天": -1,
                "昨日": -1, "前天": -2, "大前天": -3,
            ], folding: .none),
        weekdays: PhraseTable(chineseWeekdays, folding: .none),
        weekdayModifiers: PhraseTable(
            [
                "下": .nextWeek, "下個": .nextWeek, "下个": .nextWeek, "上": .lastWeek, "上個": .lastWeek,
                "上个": .lastWeek, "這": .thisWeek, "這個": .thisWeek, "这": .thisWeek, "这个": .thisWeek,
                "本": .thisWeek,
            ], folding: .none),
        months: PhraseTable([:], folding: .none),
        units: PhraseTable(
            [
                "天": .day, "日": .day, "週": .week, "周": .week, "星期": .week, "個星期": .week, "个星期": .week,
                "禮拜": .week, "個禮拜": .week, "个礼拜": .week, "個月": .month, "个月": .month, "年": .year,
            ], folding: .none),
        spanPrefixes: PhraseTable(["過": 1, "过": 1], folding: .none),
        spanSuffixes: PhraseTable(
            ["後": 1, "后": 1, "以後": 1, "以后": 1, "之後": 1, "之后": 1, "前": -1, "以前": -1, "之前": -1],
            folding: .none),
        yearWords: PhraseTable([:], folding: .none),
        markers: (year: ["年"], month: ["月"], day: ["日", "號", "号"]),
        namedTimes: PhraseTable(["中午": 12 * 60, "午夜": 0, "半夜十二點": 0], folding: .none),
        hourWords: PhraseTable(["點": 1, "点": 1, "點鐘": 1, "点钟": 1, "時": 1, "时": 1], folding: .none),
        minuteWords: PhraseTable(["半": 30, "分": 0], folding: .none),
        dayParts: PhraseTable(
            [
                "上午": 0, "早上": 0, "早晨": 0, "凌晨": 0, "清晨": 0, "下午": 12, "晚上": 12, "傍晚": 12,
                "中午": 12,
            ], folding: .none),
        dayPartsFollowBareHours: false,
        labelsAfterDayMarker: [
            "房", "樓", "楼", "線", "线", "門", "门", "車", "车", "桌", "床", "碼", "码", "機", "机", "館", "馆", "店",
            "廳", "厅", "站", "元", "內", "内",
        ],
        placeWords: ["在", "到", "於", "于", "的", "前", "之", "以", "從", "从"])

    /// 星期一 to 星期六 and 星期日 or 星期天, likewise with 禮拜 and 週 (but not "週天").
    private static let chineseWeekdays: [String: Int] = {
        var days: [String: Int] = [:]
        for stem in ["星期", "禮拜", "礼拜", "週", "周"] {
            for (offset, name) in ["一", "二", "三", "四", "五", "六"].enumerated() { days[stem + name] = offset + 1 }
            days[stem + "日"] = 7
            if stem != "週" && stem != "周" { days[stem + "天"] = 7 }
        }
        return days
    }()

    /// Currencies named before or after the amount ("新台幣300", "300新台幣", "NT$300").
    private static let chineseCurrencies: [String: String] = [
        "台幣": "TWD", "臺幣": "TWD", "新台幣": "TWD", "新臺幣": "TWD", "nt": "TWD", "ntd": "TWD", "twd": "TWD",
        "美元": "USD", "美金": "USD", "歐元": "EUR", "欧元": "EUR", "人民幣": "CNY", "人民币": "CNY", "日圓": "JPY",
        "日元": "JPY", "日幣": "JPY", "港幣": "HKD", "港币": "HKD", "港元": "HKD", "英鎊": "GBP", "英镑": "GBP",
        "澳幣": "AUD", "澳币": "AUD", "加幣": "CAD", "加币": "CAD", "韓元": "KRW", "韩元": "KRW",
    ]
}
