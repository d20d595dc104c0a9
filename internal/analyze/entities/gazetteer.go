package entities

// The word lists recognition leans on, written here by hand. Each list is a
// plain string parsed once into read-only maps (see lexicon.go).

// countries: one country a line, "Name|alias|alias / demonym|demonym". The
// first name is the canonical one; demonyms are adjectives ("Russian") that
// never become place mentions themselves but tell a person's affiliation.
const countries = `
Afghanistan / Afghan|Afghani
Albania / Albanian
Algeria / Algerian
Andorra / Andorran
Angola / Angolan
Antigua and Barbuda / Antiguan
Argentina / Argentine|Argentinian|Argentinean
Armenia / Armenian
Australia / Australian
Austria / Austrian
Azerbaijan / Azerbaijani|Azeri
Bahamas / Bahamian
Bahrain / Bahraini
Bangladesh / Bangladeshi
Barbados / Barbadian
Belarus|Byelorussia / Belarusian|Belarussian
Belgium / Belgian
Belize / Belizean
Benin / Beninese
Bhutan / Bhutanese
Bolivia / Bolivian
Bosnia and Herzegovina|Bosnia / Bosnian
Botswana / Botswanan
Brazil / Brazilian
Brunei / Bruneian
Bulgaria / Bulgarian
Burkina Faso / Burkinabe
Burundi / Burundian
Cambodia / Cambodian
Cameroon / Cameroonian
Canada / Canadian
Cape Verde|Cabo Verde / Cape Verdean
Central African Republic / Central African
Chad / Chadian
Chile / Chilean
China|People's Republic of China|PRC / Chinese
Colombia / Colombian
Comoros / Comoran
Democratic Republic of the Congo|DR Congo|DRC / Congolese
Republic of the Congo|Congo
Costa Rica / Costa Rican
Ivory Coast|Cote d'Ivoire|Côte d'Ivoire / Ivorian
Croatia / Croatian|Croat
Cuba / Cuban
Cyprus / Cypriot
Czech Republic|Czechia / Czech
Denmark / Danish|Dane
Djibouti / Djiboutian
Dominica
Dominican Republic / Dominican
East Timor|Timor-Leste / Timorese
Ecuador / Ecuadorian|Ecuadorean
Egypt / Egyptian
El Salvador / Salvadoran|Salvadorean
Equatorial Guinea / Equatoguinean
Eritrea / Eritrean
Estonia / Estonian
Eswatini|Swaziland / Swazi
Ethiopia / Ethiopian
Fiji / Fijian
Finland / Finnish|Finn
France / French
Gabon / Gabonese
Gambia / Gambian
Georgia / Georgian
Germany / German
Ghana / Ghanaian
Greece / Greek
Grenada / Grenadian
Guatemala / Guatemalan
Guinea / Guinean
Guinea-Bissau / Bissau-Guinean
Guyana / Guyanese
Haiti / Haitian
Honduras / Honduran
Hungary / Hungarian
Iceland / Icelandic
India / Indian
Indonesia / Indonesian
Iran|Islamic Republic of Iran|Persia / Iranian|Persian
Iraq / Iraqi
Ireland|Republic of Ireland|Eire / Irish
Israel / Israeli
Italy / Italian
Jamaica / Jamaican
Japan / Japanese
Jordan / Jordanian
Kazakhstan / Kazakh|Kazakhstani
Kenya / Kenyan
Kiribati
Kosovo / Kosovar
Kuwait / Kuwaiti
Kyrgyzstan / Kyrgyz
Laos / Laotian|Lao
Latvia / Latvian
Lebanon / Lebanese
Lesotho / Basotho
Liberia / Liberian
Libya / Libyan
Liechtenstein
Lithuania / Lithuanian
Luxembourg / Luxembourgish
Madagascar / Malagasy
Malawi / Malawian
Malaysia / Malaysian
Maldives / Maldivian
Mali / Malian
Malta / Maltese
Marshall Islands
Mauritania / Mauritanian
Mauritius / Mauritian
Mexico / Mexican
Micronesia / Micronesian
Moldova / Moldovan
Monaco / Monegasque
Mongolia / Mongolian
Montenegro / Montenegrin
Morocco / Moroccan
Mozambique / Mozambican
Myanmar|Burma / Burmese
Namibia / Namibian
Nauru
Nepal / Nepali|Nepalese
Netherlands|Holland / Dutch
New Zealand / New Zealander
Nicaragua / Nicaraguan
Niger / Nigerien
Nigeria / Nigerian
North Korea|DPRK|Democratic People's Republic of Korea / North Korean
North Macedonia|Macedonia / Macedonian
Norway / Norwegian
Oman / Omani
Pakistan / Pakistani
Palau
Palestine|Palestinian Territories / Palestinian
Panama / Panamanian
Papua New Guinea / Papua New Guinean
Paraguay / Paraguayan
Peru / Peruvian
Philippines / Filipino|Philippine
Poland / Polish|Pole
Portugal / Portuguese
Qatar / Qatari
Romania / Romanian
Russia|Russian Federation / Russian
Rwanda / Rwandan
Saint Lucia
Samoa / Samoan
San Marino
Saudi Arabia / Saudi|Saudi Arabian
Senegal / Senegalese
Serbia / Serbian|Serb
Seychelles
Sierra Leone / Sierra Leonean
Singapore / Singaporean
Slovakia / Slovak|Slovakian
Slovenia / Slovenian|Slovene
Solomon Islands
Somalia / Somali
South Africa / South African
South Korea|Republic of Korea / South Korean
South Sudan / South Sudanese
Spain / Spanish|Spaniard
Sri Lanka / Sri Lankan
Sudan / Sudanese
Suriname / Surinamese
Sweden / Swedish|Swede
Switzerland / Swiss
Syria / Syrian
Taiwan / Taiwanese
Tajikistan / Tajik
Tanzania / Tanzanian
Thailand / Thai
Togo / Togolese
Tonga / Tongan
Trinidad and Tobago / Trinidadian
Tunisia / Tunisian
Turkey|Türkiye|Turkiye / Turkish|Turk
Turkmenistan / Turkmen
Tuvalu
Uganda / Ugandan
Ukraine / Ukrainian
United Arab Emirates|UAE|U.A.E. / Emirati
United Kingdom|UK|U.K.|Britain|Great Britain / British|Briton
United States|US|U.S.|USA|U.S.A.|United States of America|America / American
Uruguay / Uruguayan
Uzbekistan / Uzbek
Vanuatu
Vatican|Vatican City|Holy See
Venezuela / Venezuelan
Vietnam|Viet Nam / Vietnamese
Yemen / Yemeni
Zambia / Zambian
Zimbabwe / Zimbabwean
Greenland / Greenlandic
Hong Kong
Macau|Macao
Puerto Rico / Puerto Rican
Scotland / Scottish|Scot
England / English
Wales / Welsh
Northern Ireland
Gaza|Gaza Strip / Gazan
West Bank
Crimea / Crimean
Tibet / Tibetan
Chechnya / Chechen
Kurdistan / Kurdish|Kurd
Catalonia / Catalan
Soviet Union|USSR|U.S.S.R. / Soviet
`

// places: capitals, major cities, US states, regions, seas. "Name|alias".
const places = `
Kabul|Tirana|Algiers|Luanda|Buenos Aires|Yerevan|Canberra|Sydney|Melbourne|Vienna|Baku|Manama|Dhaka
Minsk|Brussels|Antwerp|La Paz|Sarajevo|Brasilia|Brasília|Rio de Janeiro|Sao Paulo|São Paulo|Sofia
Phnom Penh|Ottawa|Toronto|Montreal|Vancouver|Santiago|Beijing|Peking|Shanghai|Hong Kong|Shenzhen
Guangzhou|Wuhan|Bogota|Bogotá|Kinshasa|Havana|Nicosia|Prague|Copenhagen|Cairo|Alexandria|Tallinn
Addis Ababa|Helsinki|Paris|Marseille|Lyon|Berlin|Munich|Frankfurt|Hamburg|Cologne|Bonn|Tbilisi
Accra|Athens|Budapest|Reykjavik|New Delhi|Delhi|Mumbai|Bombay|Kolkata|Calcutta|Chennai|Bangalore|Bengaluru
Jakarta|Tehran|Teheran|Baghdad|Mosul|Basra|Erbil|Dublin|Jerusalem|Tel Aviv|Rome|Milan|Naples|Venice
Florence|Tokyo|Osaka|Hiroshima|Amman|Astana|Nur-Sultan|Almaty|Nairobi|Pristina|Kuwait City|Bishkek
Riga|Beirut|Tripoli|Benghazi|Vilnius|Luxembourg|Kuala Lumpur|Valletta|Mexico City|Chisinau|Chișinău
Ulaanbaatar|Podgorica|Rabat|Casablanca|Maputo|Naypyidaw|Yangon|Rangoon|Kathmandu|Amsterdam|The Hague
Rotterdam|Wellington|Auckland|Managua|Niamey|Abuja|Lagos|Pyongyang|Skopje|Oslo|Muscat|Islamabad
Karachi|Lahore|Ramallah|Panama City|Lima|Manila|Warsaw|Krakow|Kraków|Lisbon|Porto|Doha|Bucharest
Moscow|St. Petersburg|Saint Petersburg|Kigali|Riyadh|Jeddah|Mecca|Medina|Dakar|Belgrade|Singapore
Bratislava|Ljubljana|Mogadishu|Johannesburg|Cape Town|Pretoria|Seoul|Busan|Juba|Madrid|Barcelona
Colombo|Khartoum|Stockholm|Bern|Geneva|Zurich|Davos|Damascus|Aleppo|Homs|Idlib|Taipei|Dushanbe
Dodoma|Dar es Salaam|Bangkok|Tunis|Ankara|Istanbul|Ashgabat|Kampala|Kyiv|Kiev|Kharkiv|Kharkov|Odesa|Odessa
Lviv|Dnipro|Mariupol|Donetsk|Luhansk|Lugansk|Zaporizhzhia|Kherson|Mykolaiv|Bakhmut|Sevastopol|Simferopol
Abu Dhabi|Dubai|London|Manchester|Birmingham|Liverpool|Edinburgh|Glasgow|Belfast|Cardiff|Oxford|Cambridge
Washington|Washington, D.C.|Washington D.C.|New York|New York City|Los Angeles|Chicago|Houston|Phoenix
Philadelphia|San Antonio|San Diego|Dallas|San Francisco|Seattle|Boston|Miami|Atlanta|Detroit|Denver
Las Vegas|Baltimore|Minneapolis|New Orleans|Austin|Portland|Pittsburgh|Cleveland|Nashville|Memphis
Charlotte|Orlando|Tampa|St. Louis|Kansas City|Sacramento|Salt Lake City|Honolulu|Anchorage|Milwaukee
Montevideo|Tashkent|Caracas|Hanoi|Ho Chi Minh City|Saigon|Sanaa|Sana'a|Aden|Lusaka|Harare|Brazzaville
Bamako|Nouakchott|Ouagadougou|Conakry|Freetown|Monrovia|Abidjan|Lome|Cotonou|Libreville|Yaounde|Kandahar
Asmara|Djibouti|Mombasa|Gaza City|Rafah|Khan Younis|Hebron|Nablus|Jenin|Haifa|Benghazi|Gdansk|Minsk
Belgorod|Kursk|Rostov|Rostov-on-Don|Volgograd|Novosibirsk|Vladivostok|Kaliningrad|Grozny|Kazan|Sochi
Bucha|Irpin|Chernihiv|Sumy|Poltava|Vinnytsia|Zhytomyr|Chernobyl|Kramatorsk|Sloviansk|Avdiivka|Melitopol
Hollywood|Silicon Valley|Wall Street|Manhattan|Brooklyn|Queens|Bronx|Capitol Hill|Camp David|Mar-a-Lago
Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Hawaii|Idaho|Illinois
Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi
Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|North Carolina|North Dakota|Ohio
Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont
Virginia|West Virginia|Wisconsin|Wyoming|Guam
Ontario|Quebec|British Columbia|Alberta|Bavaria|Normandy|Brittany|Siberia|Chechnya|Dagestan|Tatarstan
Donbas|Donbass|Kashmir|Punjab|Xinjiang|Hainan|Kurdistan|Darfur|Tigray|Sahel|Sinai|Golan Heights|Kosovo
Transnistria|Abkhazia|South Ossetia|Nagorno-Karabakh|Karabakh|Flanders|Wallonia|Andalusia|Sicily|Sardinia
Europe|Asia|Africa|North America|South America|Latin America|Central America|Antarctica|Oceania|Eurasia
Eastern Europe|Western Europe|Central Europe|Southern Europe|Northern Europe|Southeast Asia|South Asia
East Asia|Central Asia|Middle East|Near East|Far East|Gulf|Persian Gulf|Arabian Peninsula|Balkans|Baltics
Caucasus|North Caucasus|Scandinavia|Nordic|Mediterranean|Maghreb|Horn of Africa|Sub-Saharan Africa
West Africa|East Africa|North Africa|Southern Africa|Indo-Pacific|Asia-Pacific|Arctic|Pacific|Atlantic
Black Sea|Baltic Sea|Red Sea|South China Sea|East China Sea|Caspian Sea|North Sea|Sea of Azov|Azov Sea
Mediterranean Sea|Arabian Sea|Persian Gulf|Gulf of Mexico|Gulf of Aden|Strait of Hormuz|Taiwan Strait
Suez Canal|Panama Canal|Bosphorus|English Channel|Pacific Ocean|Atlantic Ocean|Indian Ocean|Arctic Ocean
Dnieper|Dnipro River|Danube|Nile|Amazon River|Mississippi River|Rhine|Volga|Euphrates|Tigris|Jordan River
Himalayas|Alps|Andes|Urals|Rocky Mountains|Mount Everest|Americas|District of Columbia
Ala.=Alabama|Ariz.=Arizona|Ark.=Arkansas|Calif.=California|Colo.=Colorado|Conn.=Connecticut|Fla.=Florida
Kan.=Kansas|Mass.=Massachusetts|Mich.=Michigan|Minn.=Minnesota|Mont.=Montana|Neb.=Nebraska|Nev.=Nevada
Okla.=Oklahoma|Tenn.=Tennessee|Tex.=Texas|Wash.=Washington|Wis.=Wisconsin|Wyo.=Wyoming|Penn.=Pennsylvania
N.Y.=New York|NY=New York|NYC=New York City|N.J.=New Jersey|N.C.=North Carolina|S.C.=South Carolina
N.H.=New Hampshire|N.M.=New Mexico|N.D.=North Dakota|S.D.=South Dakota|R.I.=Rhode Island|W.Va.=West Virginia
L.A.=Los Angeles|LA=Los Angeles
Kiev=Kyiv|Kharkov=Kharkiv|Odessa=Odesa|Lugansk=Luhansk|Donbass=Donbas|Peking=Beijing|Bombay=Mumbai
Calcutta=Kolkata|Rangoon=Yangon|Teheran=Tehran|Saint Petersburg=St. Petersburg|Washington, D.C.=Washington
Washington D.C.=Washington|Brasília=Brasilia|São Paulo=Sao Paulo|Kraków=Krakow|Chișinău=Chisinau
Bogotá=Bogota|Saigon=Ho Chi Minh City|Sana'a=Sanaa|Dnipro River=Dnieper|Azov Sea=Sea of Azov
`

// organizations: well-known organisations and the forms they go by.
// "Canonical|alias|alias" a line.
const organizations = `
NATO|North Atlantic Treaty Organization|North Atlantic Treaty Organisation|North Atlantic Alliance|OTAN
United Nations|UN|U.N.|UNO
UN Security Council|United Nations Security Council|U.N. Security Council|Security Council|UNSC
UN General Assembly|United Nations General Assembly|General Assembly|UNGA
European Union|EU|E.U.
European Commission
European Parliament
European Council
European Central Bank|ECB
Council of Europe
Organization for Security and Co-operation in Europe|OSCE|Organization for Security and Cooperation in Europe
International Monetary Fund|IMF
World Bank
World Health Organization|WHO|World Health Organisation
World Trade Organization|WTO
International Atomic Energy Agency|IAEA
International Criminal Court|ICC
International Court of Justice|ICJ
International Committee of the Red Cross|ICRC|Red Cross
Amnesty International
Human Rights Watch
Doctors Without Borders|Médecins Sans Frontières|MSF
Group of Seven|G7|G-7
Group of 20|G20|G-20
BRICS
OPEC|Organization of the Petroleum Exporting Countries
African Union|AU
Arab League
ASEAN|Association of Southeast Asian Nations
Collective Security Treaty Organization|CSTO
Shanghai Cooperation Organisation|SCO|Shanghai Cooperation Organization
Kremlin
White House
Pentagon
State Department|U.S. State Department|US State Department|Department of State
Defense Department|Department of Defense|DoD
Justice Department|Department of Justice|DOJ
Treasury Department|Department of the Treasury|Treasury
Department of Homeland Security|DHS|Homeland Security
Congress|U.S. Congress|US Congress
Senate|U.S. Senate|US Senate
House of Representatives|U.S. House|US House|House
Supreme Court|U.S. Supreme Court|US Supreme Court
Federal Reserve|Fed
Central Intelligence Agency|CIA
Federal Bureau of Investigation|FBI
National Security Agency|NSA
National Security Council|NSC
Centers for Disease Control and Prevention|CDC|Centers for Disease Control|U.S. Centers for Disease Control and Prevention
Food and Drug Administration|FDA
Environmental Protection Agency|EPA
Internal Revenue Service|IRS
Securities and Exchange Commission|SEC
Federal Communications Commission|FCC
Federal Aviation Administration|FAA
Immigration and Customs Enforcement|ICE
Customs and Border Protection|CBP
Department of Homeland Security
NASA
Democratic Party|Democrats|Democratic National Committee|DNC
Republican Party|Republicans|GOP|Republican National Committee|RNC
Downing Street|Number 10
Élysée|Elysee|Elysee Palace|Élysée Palace
Bundestag
Duma|State Duma
Verkhovna Rada|Rada
Knesset
Taliban
Hamas
Hezbollah|Hizbollah
Islamic State|ISIS|ISIL|Daesh
Al-Qaeda|Al Qaeda|al-Qaida|Al-Qaida
Wagner Group|Wagner
FSB
KGB
GRU
SBU
Gazprom
Rosneft
Naftogaz
Reuters
Associated Press|AP
Agence France-Presse|AFP
Bloomberg
TASS|Tass
RIA Novosti|RIA
Interfax
Xinhua
BBC
CNN
Fox News
NBC News|NBC
CBS News|CBS
ABC News|ABC
MSNBC
NPR
Al Jazeera
Deutsche Welle|DW
The New York Times|New York Times|NYT
The Washington Post|Washington Post
The Wall Street Journal|Wall Street Journal|WSJ
The Guardian|Guardian
Financial Times|FT
The Economist|Economist
Politico
Axios
Twitter
Facebook
Instagram
YouTube
TikTok
Telegram
WhatsApp
Google
Apple
Microsoft
Amazon
Meta
Tesla
SpaceX
OpenAI
Nvidia
Boeing
Airbus
Lockheed Martin
Raytheon
Pfizer
Moderna
AstraZeneca
Johnson & Johnson
Goldman Sachs
JPMorgan|JPMorgan Chase|JP Morgan
BlackRock
Huawei
Samsung
Toyota
Volkswagen
Shell
BP
ExxonMobil|Exxon Mobil|Exxon
Chevron
Walmart
Netflix
Uber
Harvard University|Harvard
Stanford University|Stanford
Yale University|Yale
Oxford University|University of Oxford
Cambridge University|University of Cambridge
Massachusetts Institute of Technology|MIT
Nord Stream|Nord Stream 2
Joint Chiefs of Staff|Joint Chiefs
Capitol|U.S. Capitol|US Capitol
Ways and Means Committee|House Ways and Means Committee
`

// others: well-known names that are neither persons, organisations nor
// places: events, holidays, diseases, programmes. "Canonical|alias".
const others = `
COVID-19|Covid-19|COVID|Covid|coronavirus|Coronavirus|SARS-CoV-2
Olympics|Olympic Games|Summer Olympics|Winter Olympics|Olympic|Paralympics
World Cup|FIFA World Cup
Super Bowl
Oscars|Academy Awards|Academy Award
Christmas|Easter|Ramadan|Eid|Eid al-Fitr|Eid al-Adha|Hanukkah|Passover|Thanksgiving|Halloween|Diwali|Lunar New Year
Juneteenth|Memorial Day|Labor Day|Independence Day|Fourth of July|Veterans Day|Mother's Day|Father's Day|New Year's Day
Holocaust
World War II|Second World War|WWII
World War I|First World War|WWI
Cold War
Brexit
Bitcoin|bitcoin
Internet
Constitution|U.S. Constitution|US Constitution
Bible|Koran|Quran
Normandy format
`

// orgCues end organisation names: "Foreign Ministry", "Labour Party".
const orgCues = `ministry department party council organization organisation inc inc. corp corp. co. ltd ltd. llc plc gmbh ag
university college institute agency bank army navy air force forces guard guards police committee commission
parliament congress senate assembly court union association federation foundation fund group company corporation
times post journal news herald tribune gazette telegraph guardian network media press service services office
bureau board authority administration embassy consulate church club league alliance coalition movement front
cabinet government duma rada bundestag center centre hospital school academy museum airlines airways motors
systems technologies holdings partners industries laboratories labs pharmaceuticals exchange reserve brigade
battalion regiment corps command institution society trust mission secretariat directorate inspectorate
prosecutor's tribunal chamber senate caucus taskforce task agency's ministries observer forum`

// placeCues end place names: "Donetsk Oblast", "Black Sea".
const placeCues = `sea ocean river lake mountains mountain island islands strait gulf bay peninsula region oblast province
county city valley desert canal base airport mosque temple synagogue cathedral palace square park bridge stadium arena prison coast harbor harbour heights plateau basin delta oblast krai raion district
territory territories republic`

// lowerPlaceCues follow or precede a capitalised name in lower case and make
// it a place: "the Donetsk region", "the city of Mariupol".
const lowerPlaceCues = `region oblast province city town village county district area state capital port border`

// lowerOrgCues precede a name in lower case and make it an organisation:
// "German newspaper Bild", "news agency Interfax".
const lowerOrgCues = `newspaper daily broadcaster agency channel magazine company firm group party network website outlet
tabloid publication carrier airline bank lender insurer manufacturer maker developer startup brand platform app
giant conglomerate`

// roles: words that make the name after them a person's ("Foreign Minister
// Sergei Lavrov"), in lower case. Titles with a full stop are listed bare.
const roles = `president vice minister secretary chancellor senator sen representative rep governor gov general gen
mr mrs ms miss mx dr prof professor ambassador spokesman spokeswoman spokesperson speaker king queen prince princess
pope judge justice mayor commissioner director chairman chairwoman chair chairperson ceo cfo coo founder adviser
advisor admiral adm colonel col lieutenant lt captain capt sergeant sgt commander cmdr marshal rev reverend father
sister brother bishop archbishop cardinal rabbi imam sheikh ayatollah emir sultan crown lady lord sir dame
congressman congresswoman congressmen congresswomen lawmaker legislator premier envoy diplomat attorney
prosecutor chief deputy head leader coach officer whip sens reps govs inspector detective det superintendent supt consul
councillor councilman councilwoman alderman mp mep dean chancellor president-elect secretary-general
undersecretary under-secretary ombudsman director-general emperor empress duke duchess count countess baron
baroness tsar czar patriarch metropolitan rector provost principal pm
kanzler kanzlerin bundeskanzler bundeskanzlerin präsident präsidentin bundespräsident bundespräsidentin ministerpräsident
ministerpräsidentin minister ministerin außenminister außenministerin verteidigungsminister verteidigungsministerin
innenminister innenministerin finanzminister finanzministerin regierungssprecher sprecher sprecherin botschafter
botschafterin bürgermeister bürgermeisterin herr frau président présidente ministre chancelier chancelière porte-parole
ambassadeur ambassadrice maire presidente presidenta ministro ministra canciller portavoz embajador embajadora alcalde
alcaldesa primo premier sindaco президент министр глава премьер-министр спикер пресс-секретарь посол канцлер
мэр міністр прем'єр-міністр речник посол`

// roleMods come inside role phrases: "Deputy Foreign Minister", "Secretary
// of State", "House Speaker".
const roleMods = `foreign prime defense defence interior home finance health economy economic trade justice
foreign-affairs affairs state former acting deputy vice assistant associate senior junior chief executive
national security first lady general attorney supreme majority minority house senate white press executive
managing special high grand lieutenant lead top interim outgoing incoming energy education labor labour culture
transport environment agriculture climate veterans homeland intelligence army navy military commanding opposition
party regional federal presidential parliamentary minister secretary sitting then honorary emeritus co-founder
permanent representative ambassador-at-large district circuit appeals county city municipal principal press digital treasury development infrastructure
communications information science technology social welfare sports tourism youth women family human rights
internal external european foreign-policy policy relations cabinet emergency emergencies situations`

// demonymsExtra are adjectives of regions, faiths and parties that, like
// demonyms, never stand alone as names.
const demonymsExtra = `European Asian African Arab Arabic Western Eastern Northern Southern Middle Latin Nordic Baltic Balkan
Slavic Islamic Muslim Christian Catholic Orthodox Protestant Jewish Hindu Buddhist Sikh Sunni Shia Shiite
Democratic Republican Conservative Liberal Progressive Socialist Communist Marxist Soviet Nazi Atlantic Pacific
Caucasian Hispanic Latino Latina Indigenous Black White Transatlantic Euro-Atlantic Pro-Russian Anti-American
Pro-Western Anglo Anglo-Saxon Scandinavian Mediterranean Caribbean Himalayan Siberian Crimean`

// maleNames and femaleNames are given names; they mark a capitalised
// sequence as a person's name and give the gender pronouns resolve with.
const maleNames = `aaron abdul abdullah abdel abu adam adrian ahmad ahmed akhmat ali alan albert alberto alejandro aleksandr aleksei alexander alexandr
alexei alexey alfred ali amir anatoly anders andre andrea andreas andrei andres andrew andrey andriy andrzej angelo anthony antonio antony
anton arkady arnold arseniy arthur ashraf avigdor ayman barack bashar ben benjamin benny bernard bernie bill billy bob bobby boris brad
brandon brett brian bruce bruno carl carlos charles chris christian christopher chuck clarence colin craig dan daniel danny dave david
dennis denis denys dick dmitri dmitriy dmitry dmytro dominic don donald doug douglas duncan dwight ebrahim ed eddie edward emmanuel
enrique eric erik ernest evgeny eugene fabio felipe fernando francis francisco franco frank frans franz fred frederick friedrich gabriel
gary gavin gennady george georgy gerald gerhard giorgi giuseppe glenn gordon greg gregory guido gustavo hakan hamid hans harold
harry hassan heinz henry herbert hossein howard hugh hugo hunter ian ibrahim igor ilham ilya imran ivan jack jacob jair jake james jamie
jan jared javier jean jeff jeffrey jens jeremy jerome jim jimmy joe joel johan johann john johnny jon jonathan jorge jose joseph josh
joshua juan julian justin kamal karim karl keir keith ken kenneth kevin khalid kim kirill klaus konstantin kurt kyle lars lee leon leonid
liam lindsey lloyd lorenzo louis luis luiz luka lukas mahmoud manuel marco marcus mario mark marko martin mateusz matt matteo matthew
max maxim maksim mehmet michael micheal miguel mikhail mike milan mitch mitt mohamed mohammad mohammed muhammad mustafa naftali narendra
nathan neil nicholas nick nicola nicolas nikita nikolai nikolay norman oleg oleksandr oleksii oleksiy olaf oliver omar oscar otto
pablo patrick paul pavel pedro pete peter petro petr philip philippe pierre piotr rafael ramzan ralph ramon randy raphael ray raymond
recep reza ricardo richard rick rishi rob robert roberto rodrigo roger roman ron ronald rudy ruslan russell ryan salman sam samuel
scott sean sebastian serge sergei sergey sergii sergiy serhiy shinzo shigeru simon stanislav stefan stephen steve steven stuart sultan
tayyip ted teodoro terry thomas tim timothy todd tom tony ulrich valery valeriy vasily vasyl victor viktor vincent vitali vitaliy vitaly
vladimir vladislav volodymyr walter wang wayne william willie wolfgang xavier xi yair yaroslav yevgeny yevgeniy yoshihide youssef yuri
yuriy yury zachary zbigniew zhang alexandre andriy arsen artem bohdan denys fedir hennadiy ihor kyrylo mykhailo mykola oleh pavlo
petro rostyslav serhii taras vadym valerii vasyl volodymyr yevhen yurii anatolii fumio emmanuel olaf mette sanna
joko narendra cyril muhammadu uhuru abiy paul ashraf nayib gustavo gabriel andres lula luiz javier
abraham al alex alexis alvin andy angus anil antoine archie arjun armando arturo austin barry beau benedict bernardo bill
blake boyd bradley brendan brent bryan bud byron caleb calvin cameron carter cecil chad chester chip clay clayton clifford
clint clyde cody cole conor connor corey cory curtis dale dallas damian damon dana darius darrell darren dean del derek
desmond devin dexter diego dirk dominick donnie drew dustin dylan earl eduardo edwin elijah eliot elliot elliott elmer emil
emilio enzo ernesto ethan evan ezra felix floyd forrest francesco freddie gareth garrett gene geoffrey gil glen gonzalo
gordon graham grant gregg hal hank harrison harvey hector herman homer horace hubert humberto isaac isaiah ivan jackson
jacques jaime jamal jason jay jeffery jeremiah jerry jesse jesus joaquin jody joey johnnie jordan josé juan julio junior
kareem keith kelvin kendall kenny kent kirk kurt lamar lance larry lawrence leland leo leonard leroy lester lewis lincoln
lionel lonnie lorne lou lucas luke luther malcolm marc marcel marcos marion marshall marty marvin mason matthias maurice
melvin merle mickey miles milton mitchell moe morgan morris moses myron nate neal ned nelson nigel noah noel nolan oren
orlando oswaldo owen pat percy perry phil preston quentin quincy rafael raj rajesh ralph ramiro randall randolph raul
reed reggie reginald rex rhett ricky riley rocco rod rodney roland rolando ross roy ruben rufus rupert russ salvador sammy
santiago saul seth shane shawn sheldon sherman sidney silvio solomon spencer stan stanley sterling stewart sonny sylvester
tad terrence thaddeus theo theodore tobias toby trevor troy tyler ulysses vernon vic vince virgil wade wallace ward warren
wes wesley wilbur willard wilson winston woodrow wyatt zack zane ahmet ali-reza amit anand arvind ashok deepak gaurav
hamza hussein ismail jamil karim mahmud majid mansour moshe nasser omar rahul rajiv ravi sanjay sunil suresh tariq vijay
yasser yusuf zaid zayed abdulla akbar benny boris chaim dov ehud gideon itamar naftali reuven shimon shlomo yigal yitzhak
yoav kwame kofi nelson jomo goodluck bola olusegun thabo jacob kgalema ngozi chidi emeka abdoulaye mamadou moussa
francois francois-xavier jean-claude jean-luc jean-marie jean-pierre jean-yves pierre-yves olivier thierry yves gerard
laurent mathieu nicolas bertrand didier benoit gunther gunter helmut horst jurgen jörg joachim lothar manfred rainer
reinhard sigmar wilhelm dietrich hansjorg karl-heinz matteo giovanni luigi paolo pietro sergio silvio umberto vittorio
carlos-alberto fidel raul evo hugo andrés ernesto cuauhtemoc vicente felipe mauricio sebastián iván gustavo
bogdan grzegorz jaroslaw lech radoslaw tadeusz wojciech zbigniew ilya kirill oleg pyotr semyon stanislav vadim
vasily vyacheslav yegor yevgeny gennady grigory mikheil zurab levan vakhtang irakli nikol serzh robert ilham
recep ahmet mevlut binali kemal hakan shinzo taro yoshihide junichiro kenji hiroshi takeshi li wei jun ming hu
sun jin moon kim park lee chung hyun seung tran nguyen thanh kiet rodrigo ferdinand benigno joseph-mary`

const femaleNamesExtra = `abby abigail adriana agnes aileen aimee alana alexa alicia alison allison alyssa amber amelia andrea angelique
anita annette april aparna april ariana arlene ashley audrey autumn ava becky belinda bella bernadette beth bethany
bianca bonnie brandi brandy brianna bridget brittany brooke caitlin camila candace cara carla carly carol carole carolyn
cassandra cecilia celeste chandra charlene cheryl chloe chloé christie christy ciara claudette colleen connie constance
courtney crystal cynthia daisy dana danielle dawn debra delia denise dolores dora doris edith eileen elaine eliza ellie
elsa emilia erica erika esther estelle eugenia eunice faith felicia fiona francesca gail gayle genevieve georgia geraldine
gillian ginger gladys glenda greta gwen gwendolyn haley hayley heidi helena henrietta hilda holly hope ida imogen ines
ingrid irene iris isabelle ivana jackie jacqueline jade jan janelle janine jasmine jeanette jeanne jenna jenny jill jo
joanne jocelyn johanna jolene josefina joyce juanita juliana juliet june justine kara karina katelyn katharine katrina
kay kayla keisha kendra kerry kimberly kris krista kristin kylie lana latoya leila lena leslie lillian lily lindsay
lindsey lois lorena lorraine lucia lucille luisa lydia lynn mabel mackenzie madison mae maggie mallory mandy marcia
margo margot maria marianne maribel marilyn marisa marissa marjorie marlene maureen mavis meg melanie mercedes meredith
mia michaela mildred miranda miriam molly mona morgan muriel myra nadine naomi nell nellie nora norma octavia olivia
paige pam pamela patsy patty peggy phyllis piper polly priscilla rachael ramona raquel regina renee rhonda rita roberta
robin rochelle rosalind rosalyn rose rosemary roxanne ruby sabrina sadie sally selena serena shannon shauna shelby
shelley sherry shirley simone sonya stacey stacy stella sue summer susie sydney sylvia tabitha tamika tammy tara tatyana
teresa terri tiffany tina toni tracey tracy trisha valeria vivian wanda whitney willow yolanda yvette yvonne zara
angela annalena annegret christiane franziska katarina svenja ursula ségolène marine anne-marie brigitte valérie
nathalie sylvie catherine martine giulia chiara francesca elisabetta ilaria laura marta yulia oksana olena iryna
halyna tetiana nataliya lyudmyla kateryna mariya valentyna anastasiya liudmyla maia salome tamar nino ayşe fatma
zeynep emine leyla fatima aisha amina khadija mariam noura layla yasmin zainab priyanka sonia indira nirmala smriti
sushma mamata mayawati jayalalithaa pratibha aung suu kyi tsai ying yingluck corazon gloria imelda leni sara`

const femaleNames = `alexandra alice alina alla amanda amy ana anastasia andrea angela angelina anna anne annalena annie antonia
barbara beata betty beverly brenda caroline carmen catherine cathy charlotte chelsea christina christine cindy claire claudia
cristina daria deborah debbie diana diane donna dorothy elena eleanor elisabeth elise elizabeth ella ellen elvira emily emma erin
eva evelyn florence frances gabriela gina giorgia gloria grace hannah harriet heather helen hillary ilhan iryna irina isabel isabella
jacinda jane janet janice jean jennifer jessica jill joan joanna jodi josephine joy judith judy julia julie kamala karen karin
kate katherine kathleen kathryn kathy katie kaja katarzyna kelly kim kristen kristi kristina kyrsten laura lauren leah linda lisa
liz liza lori louise lucy lyudmila madeleine margaret margarethe maria marie marine marina marjorie martha mary maya megan melania
melissa mette michelle mila milena mira monica nadia nancy natalia natalie natasha nicola nicole nikki nina olena olga olha
patricia paula pauline penny priti rachel rebecca rosa ruth sabine sahra samantha sandra sanna sara sarah sharon sheila
sophia sophie stephanie susan suzanne svetlana tamara tanya tatiana teresa theresa tulsi ursula valentina valerie vanessa
vera veronica victoria viktoria virginia wendy xenia yana yevgenia yulia yuliia zoe zuzana liz nancy nikki elise marjorie
lauren pramila alexandria rashida ayanna kirsten tammy maxine dianne amy gretchen kathy letitia sonia`

// commonWords are ordinary words that a capital at the start of a sentence
// or in a headline does not turn into names ("The", "However", "Read").
const commonWords = `a about above across after afterwards again against ago ahead all almost alone along already also although always
am among amid an and another any anyone anything are around as at away back be because been before behind being below
beside besides between beyond both but by can cannot could did do does doing done down during each either else enough
even ever every everyone everything few for from further had has have having he her here hers herself him himself his how
however i if in inside instead into is it its itself just last later least less let like many may maybe me meanwhile might
mine more moreover most much must my myself neither never nevertheless next no nobody none nor not nothing now of off often
on once one only onto or other others otherwise our ours ourselves out over own per perhaps please quite rather same several
she should since so some somebody someone something sometimes soon still such than that the their theirs them themselves
then there therefore these they this those though through thus to today together tomorrow too toward towards under unless
until up upon us very via was we well were what whatever when whenever where whereas wherever whether which while who whoever
whole whom whose why will with within without would yes yesterday yet you your yours yourself yourselves
accordingly additionally again ahead also altogether anyway anyways apparently basically besides certainly clearly consequently
currently earlier eventually finally first firstly second secondly third thirdly furthermore generally hence hopefully ideally
importantly indeed initially interestingly ironically lastly likewise luckily mostly naturally nonetheless notably obviously
officially originally overall personally possibly presumably previously probably recently regardless reportedly seemingly
separately significantly similarly simply specifically subsequently surprisingly traditionally ultimately unfortunately
fortunately usually yesterday tonight today tomorrow now then recently already
add added adds agree ask asked asks become becomes begin begins believe bring build buy call called calls came check choose
click close come comes comment comments consider continue continues contact could create cut decide deliver did discover do
download edit enter explore find follow follows get gets give given go goes going got has have hear help hide jump keep know
learn leave let listen live look looks made make makes meet move need needs note open order pay play post posted posts print
put read reads receive recommend register reply report reported reports return said say says see seen send sent share shares
show shows sign skip sort start started starts stay stop subscribe support take takes talk tell tells think thinks told try
turn update updated updates use used view visit vote wait want wants watch watched welcome went win wins work works write written
about access account action ad ads advertisement advertising advice after afternoon age agenda agreement aid aim air alert all
analysis answer appeal area argument arms army article articles attack attacks audio author authors back background ban
bank base basis battle beginning best better big bill black blog board body book border bottom box break breaking brief
briefing budget business cancel capital care case cases cause center change changes chart chief child children choice
citizens city claim class climate close code cold column comments community company conflict contact content contents
control cookie cookies copyright council country crisis culture current daily data day days deal death debate decision
defense demand demands democracy details development diplomacy diplomatic direct director disclaimer discussion document
domestic download draft early economy edition editor editors editorial education election email emergency end energy english
enter entertainment environment error event events every evidence example exclusive explainer facts family feature
featured features feed feedback file film final first food for foreign free freedom friday front full fund future gallery
game games general global good government great group growth guest guide have headline headlines health help here high history
home hot house how human image images important in inbox independence independent index info information inside insight
international interview investigation issue issues join journalism justice key killed labor land language last latest law
leader leaders learn left legal letter level life like link links list live local login long look main major man market
media member members menu message military minister money month more morning most national nation nations navigation near
network new news newsletter newsletters next night no north note nothing notice now number obituaries office official
officials old on one online only open opinion or order other our out overview page pages part parties partner partners party
past peace people photo photos picks plan plans play podcast podcasts police policy political politics poll popular post
posts power premium president press previous price prices primary privacy program programme public question questions
quick radio read reader readers recent recommended region related release relations report reporting reports republic
research response results review right rights rules safety sale save science search section security see
service services settings share shop show side sign site skip social society sources special sport sports staff
start state statement states status stock stories story streaming study subscribe subscription summary support
tags talks tax team technology terms text the thank thanks this thousands threat time times today top topic topics trade
travel trending true truth tv update updated updates us user users video videos view views vote war watch water way weather
web week weekend welcome west what when where white who why wire women word words work world year years yes you young your
accept across alliance already amid anti asia chapter conference content copy crisis dear deputy east enjoy fact fight frontline
hour hours key minute minutes most must nearly news opening original over paid pro rest second seconds spokesperson today
upcoming us via ago week yesterday ok okay hi hello dear sir madam mister thanks sorry wow oh well good bad new old
january february march april may june july august september october november december jan feb mar apr jun jul aug sep
sept oct nov dec monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun
am pm a.m. p.m. gmt utc est edt pst pdt cet cest ist bst msk
democrat democrats republican republicans independent independents former ex late mother father mom dad god lord sir
reuters-style photo photograph file caption credit getty images ap photo`

// acronymStop are capitalised abbreviations that name nothing.
const acronymStop = `AM PM TV CEO CFO COO CTO GDP ID OK DNA RNA PR VIP HIV AIDS FAQ PDF URL HTML API USB GPS LGBT LGBTQ Q&A
AI IT UFO ATM SUV CCTV ICU ER MP3 PC PS RSVP NB PS FYI ASAP LOL OMG DIY BC AD BCE CE IQ EV GOP OP ED
NEW BREAKING UPDATE WATCH LIVE READ MORE VIDEO PHOTOS EXCLUSIVE OPINION ANALYSIS NEWS I II III IV V VI VII
VIII IX X XI XII UTC GMT EST EDT PST PDT CET CEST IST BST MSK ET PT CT MT VP SMS CPI S.B. H.R. A.M. P.M.`

// speechVerbs after a name make it the subject of its sentence.
const speechVerbs = `said says say told tells added adds wrote writes stated states noted notes explained explains argued argues
claimed claims insisted insists warned warns announced announces reiterated reiterates stressed stresses responded
responds tweeted tweets posted asked asks replied replies continued continues concluded concludes acknowledged
acknowledges admitted admits confirmed confirms denied denies declared declares emphasized emphasised emphasizes
emphasises suggested suggests urged urges predicted predicts believes believed thinks thought recalled recalls
remarked remarks observed observes commented comments countered counters conceded concedes promised promises
vowed vows pledged pledges described describes called calls told testified testifies revealed reveals indicated
indicates pointed points signaled signalled mentioned mentions disclosed discloses estimated estimates
told told`
